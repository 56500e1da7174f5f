package az.asan.mektub.campaign;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's overview of campaigns. */
@Controller
class AdminController {

	private final Campaigns campaigns;

	AdminController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/admin")
	@Transactional(readOnly = true)
	String overview(Model model) {
		model.addAttribute("campaigns", campaigns.findAllByOrderByStartsOnDesc());
		return "admin/overview";
	}

}
