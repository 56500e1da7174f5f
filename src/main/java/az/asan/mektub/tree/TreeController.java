package az.asan.mektub.tree;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.platform.web.PageShell;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public tree: its content placed into each visitor's page. */
@Controller
class TreeController {

	private final TreeContent content;

	TreeController(TreeContent content) {
		this.content = content;
	}

	/**
	 * The tree. Its content is the same for everyone who asks the same question in the same language
	 * ({@link TreeContent}); the page around it is the same for everyone with the same menu: kept, their
	 * name put in (issue 17).
	 */
	@GetMapping("/tree")
	String tree(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("treeBody", content.body(locale, request, response));
		model.addAttribute(PageShell.ATTRIBUTE, PageShell.of("", "treeBody"));
		return "tree/tree";
	}

}
