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

}
