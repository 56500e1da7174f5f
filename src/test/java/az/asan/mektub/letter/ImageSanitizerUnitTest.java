package az.asan.mektub.letter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import az.asan.mektub.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSanitizerUnitTest {

	private final ImageSanitizer sanitizer = new ImageSanitizer();

	@Test
	void aJpegWithGpsMetadataComesBackWithoutIt() throws Exception {
		byte[] upload = TestImages.jpegWithGps();
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif").contains(TestImages.GPS_MARK);

		byte[] clean = sanitizer.reencode(upload);

		String bytes = new String(clean, StandardCharsets.ISO_8859_1);
		assertThat(bytes).doesNotContain("Exif").doesNotContain(TestImages.GPS_MARK);
		assertThat(clean[0] & 0xFF).isEqualTo(0xFF);
		assertThat(clean[1] & 0xFF).isEqualTo(0xD8);
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(clean)).getWidth()).isEqualTo(64);
	}

	@Test
	void aPngBecomesAJpeg() throws Exception {
		byte[] clean = sanitizer.reencode(TestImages.png(30, 20));
		assertThat(clean[0] & 0xFF).isEqualTo(0xFF);
		assertThat(clean[1] & 0xFF).isEqualTo(0xD8);
	}

	@Test
	void aFileThatIsNotAnImageIsRefused() {
		assertThatThrownBy(() -> sanitizer.reencode("%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(ImageSanitizer.RejectedImage.class)
			.hasMessage("image.error.notAnImage");
	}

	@Test
	void aJpegCutOffBeforeItsEndIsRefusedRatherThanPaintedGrey() {
		byte[] whole = TestImages.jpeg(400, 300);
		for (int keep : new int[] { whole.length * 2 / 3, whole.length - 2 }) {
			byte[] truncated = java.util.Arrays.copyOf(whole, keep);
			assertThatThrownBy(() -> sanitizer.reencode(truncated)).as("cut at " + keep + " of " + whole.length)
				.isInstanceOf(ImageSanitizer.RejectedImage.class)
				.hasMessage("image.error.incomplete");
		}
	}

	@Test
	void aPngCutOffBeforeItsEndIsRefused() {
		byte[] whole = TestImages.png(400, 300);
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
		assertThatThrownBy(() -> sanitizer.reencode(truncated)).isInstanceOf(ImageSanitizer.RejectedImage.class);
	}

	@Test
	void aFileOverFiveMegabytesIsRefused() {
		assertThatThrownBy(() -> sanitizer.reencode(new byte[(int) ImageSanitizer.MAX_BYTES + 1]))
			.isInstanceOf(ImageSanitizer.RejectedImage.class)
			.hasMessage("image.error.tooLarge");
	}

	@Test
	void aDecompressionBombIsRefusedBeforeItIsUnpacked() throws Exception {
		// given: a tiny PNG that claims 50 000 × 50 000 pixels
		byte[] bomb = pngHeaderOnly(50_000, 50_000);
		assertThat(bomb.length).isLessThan(2_000);

		assertThatThrownBy(() -> sanitizer.reencode(bomb)).isInstanceOf(ImageSanitizer.RejectedImage.class)
			.hasMessage("image.error.tooManyPixels");
	}

	private static byte[] pngHeaderOnly(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		writeInt(ihdr, width);
		writeInt(ihdr, height);
		ihdr.write(new byte[] { 8, 0, 0, 0, 0 });
		chunk(out, "IHDR", ihdr.toByteArray());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1000]);
		deflater.finish();
		byte[] buffer = new byte[1000];
		int n = deflater.deflate(buffer);
		chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
		writeInt(out, data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.write(typeBytes);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		writeInt(out, (int) crc.getValue());
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

	/**
	 * A phone photo taken upright is stored lying on its side with EXIF orientation 6 ("turn 90° clockwise
	 * to view"): it comes back upright, without the EXIF block (issue 27.3: a child's drawing).
	 */
	@Test
	void aPhonePhotoIsTurnedAsItsExifOrientationSays() throws Exception {
		// 80 × 40 as stored: the left half red, the right half blue; viewed turned clockwise, red is on top
		java.awt.image.BufferedImage stored = new java.awt.image.BufferedImage(80, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = stored.createGraphics();
		g.setColor(java.awt.Color.RED);
		g.fillRect(0, 0, 40, 40);
		g.setColor(java.awt.Color.BLUE);
		g.fillRect(40, 0, 40, 40);
		g.dispose();
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(stored, "jpeg", plain);

		for (boolean little : new boolean[] { true, false }) {
			java.awt.image.BufferedImage seen = javax.imageio.ImageIO
				.read(new java.io.ByteArrayInputStream(sanitizer.reencode(withOrientation(plain.toByteArray(), 6, little))));

			assertThat(seen.getWidth()).isEqualTo(40);
			assertThat(seen.getHeight()).isEqualTo(80);
			assertThat(new java.awt.Color(seen.getRGB(20, 10)).getRed()).isGreaterThan(200);
			assertThat(new java.awt.Color(seen.getRGB(20, 70)).getBlue()).isGreaterThan(200);
		}
		// 8: turned counter-clockwise, blue on top; 3: upside down, blue on the left; 1: as it is
		java.awt.image.BufferedImage eight = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(sanitizer.reencode(withOrientation(plain.toByteArray(), 8, true))));
		assertThat(new java.awt.Color(eight.getRGB(20, 10)).getBlue()).isGreaterThan(200);
		java.awt.image.BufferedImage three = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(sanitizer.reencode(withOrientation(plain.toByteArray(), 3, true))));
		assertThat(three.getWidth()).isEqualTo(80);
		assertThat(new java.awt.Color(three.getRGB(10, 20)).getBlue()).isGreaterThan(200);
		byte[] one = sanitizer.reencode(withOrientation(plain.toByteArray(), 1, true));
		assertThat(new String(one, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(one)).getWidth()).isEqualTo(80);
	}

	@Test
	void anIphoneHeicPhotoIsRefusedWithAMessageSayingHowToSendIt() {
		byte[] heic = new byte[64];
		byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1' };
		System.arraycopy(head, 0, heic, 0, head.length);
		assertThatThrownBy(() -> sanitizer.reencode(heic)).isInstanceOf(ImageSanitizer.RejectedImage.class)
			.hasMessage("image.error.heic");
	}

	/** A JPEG with an APP1 Exif block whose IFD0 holds only the orientation. */
	private static byte[] withOrientation(byte[] jpeg, int orientation, boolean little) {
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		if (little) {
			tiff.writeBytes(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
					(byte) orientation, 0, 0, 0, 0, 0, 0, 0 });
		}
		else {
			tiff.writeBytes(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0,
					(byte) orientation, 0, 0, 0, 0, 0, 0 });
		}
		byte[] exif = tiff.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int length = 2 + 6 + exif.length;
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8),
				(byte) (length & 0xFF), 'E', 'x', 'i', 'f', 0, 0 });
		out.writeBytes(exif);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}
