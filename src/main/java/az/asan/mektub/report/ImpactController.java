package az.asan.mektub.report;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The program's public transparency page: wishes fulfilled by year, by campaign and by region, the
 * figures a journalist would cite, and how letters were taken: online or off a paper tree at a service
 * centre. The same figures are open data ({@link OpenFiguresController}).
 */
@Controller
class ImpactController {

	private final ImpactFigures figures;

	ImpactController(ImpactFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/impact")
	String impact(Model model, Locale locale) {
		model.addAttribute("figures", figures.in(locale));
		return "reports/impact";
	}

}
