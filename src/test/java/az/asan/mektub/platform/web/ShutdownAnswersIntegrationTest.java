package az.asan.mektub.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import az.asan.mektub.MektubApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request still running when the app stops and the drain time is over gets an answer: the 503 page
 * saying the service is restarting, in the visitor's language, not a connection closed without a word.
 */
class ShutdownAnswersIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aRequestStillRunningWhenTheDrainEndsGetsTheRestartingPage() throws Exception {
		// given: the app with a drain of one second (20 s in production) and two slow requests in flight
		ConfigurableApplicationContext app = new SpringApplicationBuilder(MektubApplication.class, VerySlowPage.class)
			.run("--server.port=0", "--spring.lifecycle.timeout-per-shutdown-phase=1s");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		Future<HttpResponse<String>> azerbaijani = clients.submit(() -> get(port, "/tree/very-slow-for-shutdown-test"));
		Future<HttpResponse<String>> english = clients.submit(() -> get(port, "/tree/very-slow-for-shutdown-test?lang=en"));
		assertThat(VerySlowController.started.await(20, TimeUnit.SECONDS)).isTrue();

		// when: the app is told to stop (SIGTERM)
		long stopping = System.nanoTime();
		Thread stopper = new Thread(app::close);
		stopper.start();

		// then: both get the page once the drain time is over, long before they would have finished
		HttpResponse<String> response = azerbaijani.get(30, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(8));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).contains("60");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(response.body()).contains("id=\"unavailable\"")
			.contains("Xidmət yenidən başladılır")
			.doesNotContain("finished")
			.doesNotContain("Exception");
		HttpResponse<String> inEnglish = english.get(30, TimeUnit.SECONDS);
		assertThat(inEnglish.statusCode()).isEqualTo(503);
		assertThat(inEnglish.body()).contains("The service is restarting");
		stopper.join(60_000);
		clients.shutdown();
	}

	/** As a browser asks: compressed, so the page must arrive whole through gzip too. */
	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Encoding", "gzip")
			.GET()
			.build(), info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
				try {
					return new String(info.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
							? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes,
							StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
	}

	/** A request that outlasts the drain. */
	@Configuration(proxyBeanMethods = false)
	static class VerySlowPage {

		@Bean
		VerySlowController verySlowController() {
			return new VerySlowController();
		}

	}

	@RestController
	static class VerySlowController {

		static final CountDownLatch started = new CountDownLatch(2);

		@GetMapping("/tree/very-slow-for-shutdown-test")
		String slow() throws InterruptedException {
			started.countDown();
			Thread.sleep(6000);
			return "finished";
		}

	}

}
