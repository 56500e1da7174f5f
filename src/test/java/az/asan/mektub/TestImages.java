package az.asan.mektub;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Pictures for tests, among them a JPEG that carries GPS coordinates in its EXIF block. */
public final class TestImages {

	/** Text that stands in the EXIF block of {@link #jpegWithGps()}; it must never survive an upload. */
	public static final String GPS_MARK = "40.4093N 49.8671E Baku";

	private TestImages() {
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height), "jpeg");
	}

	/**
	 * A JPEG with an APP1 Exif segment right after the start marker: IFD0 points to a GPS IFD whose
	 * latitude reference is "N", followed by a user comment holding {@link #GPS_MARK}.
	 */
	public static byte[] jpegWithGps() {
		byte[] plain = jpeg(64, 48);
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		byte[] mark = GPS_MARK.getBytes(StandardCharsets.US_ASCII);
		// TIFF header, big-endian, IFD0 at offset 8
		write(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8);
		// IFD0: 1 entry, GPSInfo (0x8825) LONG 1 → offset 26
		write(tiff, 0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0);
		// GPS IFD at 26: 2 entries; GPSLatitudeRef ASCII 2 "N\0"; GPSMapDatum (0x12) ASCII n → offset 56
		write(tiff, 0, 2, 0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0, 0, 0x12, 0, 2, 0, 0, 0, mark.length + 1, 0, 0, 0, 56,
				0, 0, 0, 0);
		tiff.writeBytes(mark);
		tiff.write(0);
		byte[] exif = tiff.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		int length = 2 + 6 + exif.length;
		write(out, 0xFF, 0xE1, length >> 8, length & 0xFF, 'E', 'x', 'i', 'f', 0, 0);
		out.writeBytes(exif);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, int... bytes) {
		for (int b : bytes) {
			out.write(b);
		}
	}

	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(250, 240, 210));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(20, 90, 60));
		g.drawLine(0, 0, width, height);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
