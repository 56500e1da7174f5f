package az.asan.mektub.platform.database;

import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;

import java.security.Principal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator makes an online backup of the embedded database now, from {@code /admin}. */
@Controller
class BackupController {

	private final Log log = LogFactory.getLog(BackupController.class);

	private final ObjectProvider<OnlineBackup> backups;

	private final Messages messages;

	BackupController(ObjectProvider<OnlineBackup> backups, Messages messages) {
		this.backups = backups;
		this.messages = messages;
	}

	@PostMapping("/admin/backups")
	String backupNow(Principal who, RedirectAttributes redirect) {
		OnlineBackup backup = backups.getIfAvailable();
		if (backup == null) {
			redirect.addFlashAttribute("failure", messages.get("backup.external"));
			return "redirect:/admin";
		}
		log.info("Backup requested by " + who.getName());
		try {
			OnlineBackup.Archive archive = backup.backup();
			redirect.addFlashAttribute("success", messages.get("backup.doneAt", archive.name(),
					backup.folder().toString(), new Formats().dateTime(archive.createdAt())));
		}
		catch (IllegalStateException ex) {
			log.error("The backup requested by " + who.getName() + " failed", ex);
			redirect.addFlashAttribute("failure", messages.get("backup.failed"));
		}
		return "redirect:/admin";
	}

}
