package az.asan.mektub.letter;

import java.awt.image.BufferedImage;

/**
 * A phone stores a photo as the sensor saw it and says in its EXIF block how to turn it for viewing
 * (tag 0x0112, values 1 to 8). Re-encoding drops that block, so the turn is made on the pixels first:
 * otherwise a drawing photographed upright arrives lying on its side. Read from the JPEG's APP1
 * segment by hand, bounds checked at every step; anything unexpected reads as 1 (as it is).
 */
final class ExifOrientation {

	private ExifOrientation() {
	}

	/** The orientation a JPEG's EXIF block states, 1 when there is none or it cannot be read. */
	static int of(byte[] jpeg) {
		try {
			return read(jpeg);
		}
		catch (IndexOutOfBoundsException ex) {
			return 1;
		}
	}

	private static int read(byte[] b) {
		if (b.length < 4 || u8(b, 0) != 0xFF || u8(b, 1) != 0xD8) {
			return 1;
		}
		int at = 2;
		while (at + 4 <= b.length && u8(b, at) == 0xFF) {
			int marker = u8(b, at + 1);
			if (marker == 0xDA || marker == 0xD9) {
				// the picture's data starts (or the file ends): no EXIF block before it
				return 1;
			}
			int length = (u8(b, at + 2) << 8) | u8(b, at + 3);
			if (length < 2) {
				return 1;
			}
			int start = at + 4;
			if (marker == 0xE1 && length >= 16 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i'
					&& b[start + 3] == 'f' && b[start + 4] == 0 && b[start + 5] == 0) {
				return fromTiff(b, start + 6, Math.min(b.length, at + 2 + length));
			}
			at += 2 + length;
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean little;
		if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			little = true;
		}
		else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			little = false;
		}
		else {
			return 1;
		}
		long ifd = u32(b, tiff + 4, little);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int entries = u16(b, (int) (tiff + ifd), little);
		for (int i = 0; i < entries; i++) {
			int entry = (int) (tiff + ifd + 2 + 12L * i);
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The picture as it is meant to be seen: turned and mirrored as the orientation says. */
	static BufferedImage apply(BufferedImage source, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return source;
		}
		int w = source.getWidth();
		int h = source.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			source.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x++) {
				switch (orientation) {
					case 2 -> target.setRGB(w - 1 - x, y, row[x]);
					case 3 -> target.setRGB(w - 1 - x, h - 1 - y, row[x]);
					case 4 -> target.setRGB(x, h - 1 - y, row[x]);
					case 5 -> target.setRGB(y, x, row[x]);
					case 6 -> target.setRGB(h - 1 - y, x, row[x]);
					case 7 -> target.setRGB(h - 1 - y, w - 1 - x, row[x]);
					default -> target.setRGB(y, w - 1 - x, row[x]);
				}
			}
		}
		return target;
	}

	private static int u8(byte[] b, int at) {
		return b[at] & 0xFF;
	}

	private static int u16(byte[] b, int at, boolean little) {
		return little ? u8(b, at) | (u8(b, at + 1) << 8) : (u8(b, at) << 8) | u8(b, at + 1);
	}

	private static long u32(byte[] b, int at, boolean little) {
		return little ? (u16(b, at, true) & 0xFFFFL) | ((long) u16(b, at + 2, true) << 16)
				: ((long) u16(b, at, false) << 16) | (u16(b, at + 2, false) & 0xFFFFL);
	}

}
