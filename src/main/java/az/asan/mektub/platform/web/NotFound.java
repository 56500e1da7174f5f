package az.asan.mektub.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A record that does not exist, or that this person may not see: both answer 404, so that a URL
 * never tells whether a letter of another region exists.
 */
public class NotFound extends ResponseStatusException {

	public NotFound() {
		super(HttpStatus.NOT_FOUND);
	}

}
