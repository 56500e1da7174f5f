package az.asan.mektub.platform.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdUnitTest {

	@Test
	void aFailedRequestIsLoggedOnceWithTheIdItsErrorPageShows() throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(RequestId.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		try {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tree");
			MockHttpServletResponse response = new MockHttpServletResponse();
			new RequestId().doFilter(request, response, (req, res) -> {
				throw new IllegalArgumentException("Invalid character '=' for QUERY_PARAM");
			});

			assertThat(response.getStatus()).isEqualTo(500);
			String id = response.getHeader(RequestId.HEADER);
			assertThat(id).isNotBlank().isEqualTo(request.getAttribute(RequestId.ATTRIBUTE));
			assertThat(lines.list).hasSize(1);
			ILoggingEvent line = lines.list.get(0);
			assertThat(line.getLevel().toString()).isEqualTo("ERROR");
			assertThat(line.getMDCPropertyMap()).containsEntry(RequestId.ATTRIBUTE, id);
			assertThat(line.getThrowableProxy().getMessage()).contains("QUERY_PARAM");
		}
		finally {
			logger.detachAppender(lines);
		}
	}

}
