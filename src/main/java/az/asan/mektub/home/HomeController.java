package az.asan.mektub.home;

import az.asan.mektub.letter.query.LetterStatistics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final LetterStatistics statistics;

	HomeController(LetterStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("totals", statistics.totals());
		return "home";
	}

	/** How the program works, for donors and families: text only, no database. */
	@GetMapping("/about")
	String about() {
		return "about";
	}

}
