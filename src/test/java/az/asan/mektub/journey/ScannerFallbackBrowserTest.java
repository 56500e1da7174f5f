package az.asan.mektub.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handover desk's camera where the browser has no {@code BarcodeDetector} (Chromium on Linux has
 * none; should it gain one, the test takes it away): the page's QR decoder from the WebJar reads a
 * paper tree tag held before the camera. Chromium's fake camera plays a video of the tag's QR code,
 * written by this test as a Y4M file; the page itself carries no test hook.
 */
class ScannerFallbackBrowserTest extends JourneyTest {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 480;

	private static Path camera;

	private static String code;

	/**
	 * The letter and the film of its tag are made before Chromium starts: whenever Chromium reads the
	 * file (at the camera's opening here, at its start elsewhere), it is whole.
	 */
	@Override
	List<String> chromiumArguments() throws IOException {
		long campaign = TestCampaigns.open(jdbc);
		code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Nərmin", 7));
		camera = Files.createTempFile("asan-camera-", ".y4m");
		try {
			Files.write(camera, film("http://localhost:" + port + "/letters/" + code + "?qr"));
		}
		catch (WriterException ex) {
			throw new IOException(ex);
		}
		return List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
				"--use-file-for-fake-video-capture=" + camera);
	}

	@AfterEach
	void dropTestCampaignsAndTheFilm() throws IOException {
		TestCampaigns.dropAll(jdbc);
		Files.deleteIfExists(camera);
	}

	@Test
	void aTagHeldBeforeTheCameraIsReadByTheWebJarDecoderAndOpensTheWalkInDesk() throws Exception {
		// given: a letter on the tree, and its tag before the camera (the QR code holds its address; see chromiumArguments)
		browser.open("/?lang=az");
		browser.signIn("volunteer@demo.az", "demo12345");

		// when: the volunteer opens the scanning page in a browser without BarcodeDetector
		browser.open("/volunteer/handover");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript("delete window.BarcodeDetector");
		assertThat(js.executeScript("return 'BarcodeDetector' in window")).isEqualTo(false);
		assertThat(js.executeScript("return typeof window.Html5Qrcode")).isEqualTo("function");
		assertThat(browser.find("#scanner").isDisplayed()).isTrue();
		browser.find("#scan-start").click();

		// then: the decoder reads the tag, the form is sent, and the walk-in desk has the letter
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
			if (d.getCurrentUrl().contains("/volunteer/walk-in")) {
				return true;
			}
			// a camera that could not be opened (a busy machine: CI once waited the whole minute) shows the
			// button again, as it does to a person, who presses it again
			try {
				for (org.openqa.selenium.WebElement again : d.findElements(org.openqa.selenium.By.id("scan-start"))) {
					if (again.isDisplayed()) {
						again.click();
					}
				}
			}
			catch (org.openqa.selenium.WebDriverException leaving) {
				// the page is on its way to the walk-in desk
			}
			return false;
		});
		assertThat(browser.url()).endsWith("/volunteer/walk-in?code=" + code);
		assertThat(browser.find("#code").getDomProperty("value")).isEqualTo(code);
		browser.checkAccessibility();
	}

	/** A few frames of a white picture with the QR code of {@code text} in its middle, as Y4M (4:2:0). */
	private static byte[] film(String text) throws WriterException, IOException {
		BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360, Map.of(EncodeHintType.MARGIN, 4));
		byte[] luma = new byte[WIDTH * HEIGHT];
		Arrays.fill(luma, (byte) 235);
		int left = (WIDTH - qr.getWidth()) / 2;
		int top = (HEIGHT - qr.getHeight()) / 2;
		for (int y = 0; y < qr.getHeight(); y++) {
			for (int x = 0; x < qr.getWidth(); x++) {
				if (qr.get(x, y)) {
					luma[(top + y) * WIDTH + left + x] = 16;
				}
			}
		}
		byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
		Arrays.fill(chroma, (byte) 128);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
		for (int frame = 0; frame < 10; frame++) {
			out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
			out.write(luma);
			out.write(chroma);
			out.write(chroma);
		}
		return out.toByteArray();
	}

}
