package az.asan.mektub.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code the app drew as SVG, as a phone camera would: back to the address it holds. */
public final class QrImages {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	private static final int SCALE = 6;

	/**
	 * White modules added on every side: the app draws a margin of two (the printed tag's paper is around
	 * it), and a camera sees that paper, so the image read here has the four the standard asks for. Without
	 * them ZXing's finder missed the code of one address in a verify run.
	 */
	private static final int PAPER = 4;

	private QrImages() {
	}

	public static String decode(String svg) {
		Matcher box = VIEW_BOX.matcher(svg);
		if (!box.find()) {
			throw new AssertionError("Not a QR code SVG: " + svg);
		}
		int width = (Integer.parseInt(box.group(1)) + 2 * PAPER) * SCALE;
		int height = (Integer.parseInt(box.group(2)) + 2 * PAPER) * SCALE;
		int[] pixels = new int[width * height];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher module = MODULE.matcher(svg);
		while (module.find()) {
			int x = (Integer.parseInt(module.group(1)) + PAPER) * SCALE;
			int y = (Integer.parseInt(module.group(2)) + PAPER) * SCALE;
			for (int dy = 0; dy < SCALE; dy++) {
				for (int dx = 0; dx < SCALE; dx++) {
					pixels[(y + dy) * width + x + dx] = 0xFF000000;
				}
			}
		}
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))))
				.getText();
		}
		catch (Exception ex) {
			throw new AssertionError("The QR code does not read", ex);
		}
	}

	/** The path and query of an absolute address, to open it in the test's own app. */
	public static String local(String address) {
		java.net.URI uri = java.net.URI.create(address);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

}
