package az.asan.mektub.letter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Every uploaded picture is decoded to pixels and written anew as a JPEG, so nothing of the original
 * file survives but the picture: no EXIF, GPS, camera or author names, no hidden payload. Before
 * decoding, the declared size is checked, so a small file that unpacks to gigabytes (a decompression
 * bomb) is refused without being unpacked. A phone photo is turned as its EXIF orientation says before
 * the block goes ({@link ExifOrientation}); an iPhone's HEIC is refused with a message that says how
 * to send it as JPEG.
 */
@Component
public class ImageSanitizer {

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	static final long MAX_PIXELS = 40_000_000L;

	static final int MAX_EDGE = 2000;

	private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

	/** Why an upload was refused; the key names the message a person reads. */
	public static class RejectedImage extends Exception {

		private final String messageKey;

		RejectedImage(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	public byte[] reencode(byte[] upload) throws RejectedImage {
		if (upload == null || upload.length == 0) {
			throw new RejectedImage("image.error.empty");
		}
		if (upload.length > MAX_BYTES) {
			throw new RejectedImage("image.error.tooLarge");
		}
		if (isHeif(upload)) {
			// an iPhone's usual format, which Java cannot read: say how to send it instead
			throw new RejectedImage("image.error.heic");
		}
		BufferedImage decoded;
		int orientation = 1;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (in == null || !readers.hasNext()) {
				throw new RejectedImage("image.error.notAnImage");
			}
			ImageReader reader = readers.next();
			try {
				if (!FORMATS.contains(reader.getFormatName().toLowerCase())) {
					throw new RejectedImage("image.error.notAnImage");
				}
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new RejectedImage("image.error.tooManyPixels");
				}
				// A decoder meeting the end of a cut-off file warns and paints the rest grey: such a
				// file is refused, as is one that ends before its end-of-image marker.
				boolean[] warned = { false };
				reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
				decoded = reader.read(0);
				boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
				if (warned[0] || (jpeg && !endsWithJpegEnd(upload))) {
					throw new RejectedImage("image.error.incomplete");
				}
				orientation = jpeg ? ExifOrientation.of(upload) : 1;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new RejectedImage("image.error.notAnImage");
		}
		return writeJpeg(ExifOrientation.apply(flattenAndShrink(decoded), orientation));
	}

	/** A HEIF file (HEIC, AVIF): an ISO box "ftyp" at byte 4 with one of their brands. */
	private static boolean isHeif(byte[] upload) {
		if (upload.length < 12 || upload[4] != 'f' || upload[5] != 't' || upload[6] != 'y' || upload[7] != 'p') {
			return false;
		}
		String brand = new String(upload, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
		return Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis").contains(brand);
	}

	/** A JPEG ends with the marker FF D9 (some writers pad a few bytes after it). */
	private static boolean endsWithJpegEnd(byte[] upload) {
		for (int i = upload.length - 2; i >= Math.max(0, upload.length - 64); i--) {
			if ((upload[i] & 0xFF) == 0xFF && (upload[i + 1] & 0xFF) == 0xD9) {
				return true;
			}
		}
		return false;
	}

	private static BufferedImage flattenAndShrink(BufferedImage source) {
		double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] writeJpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write JPEG", ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
