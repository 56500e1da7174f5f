package az.asan.mektub.tree;

import java.util.ArrayList;
import java.util.List;

import az.asan.mektub.letter.query.TreeLetter;

/**
 * Where the cards hang on the SVG tree: rows in the crown, wider in the middle, each card on a
 * string from the branch above it and tilted a little, as paper letters hang. Computed on the
 * server, so the page needs no script to draw.
 */
public final class TreeLayout {

	public static final int WIDTH = 1200;

	public static final int CARD_WIDTH = 170;

	public static final int CARD_HEIGHT = 104;

	private static final int[] ROW_SIZES = { 3, 5, 6, 6, 4 };

	private static final int ROW_HEIGHT = 150;

	private static final int TOP = 90;

	public record Spot(int x, int y, int stringTop, double tilt, TreeLetter letter) {

		public String transform() {
			return "translate(" + x + " " + y + ") rotate(" + tilt + " " + CARD_WIDTH / 2 + " 0)";
		}

	}

	public record Drawing(List<Spot> spots, int height, int crownBottom) {

		public String viewBox() {
			return "0 0 " + WIDTH + " " + height;
		}

		public int trunkTop() {
			return crownBottom - 60;
		}

		public int trunkHeight() {
			return height - trunkTop();
		}

	}

	private TreeLayout() {
	}

	public static Drawing place(List<TreeLetter> letters) {
		List<Spot> spots = new ArrayList<>();
		int index = 0;
		int row = 0;
		while (index < letters.size()) {
			int size = ROW_SIZES[Math.min(row, ROW_SIZES.length - 1)];
			int inRow = Math.min(size, letters.size() - index);
			int rowWidth = inRow * CARD_WIDTH + (inRow - 1) * 22;
			int left = (WIDTH - rowWidth) / 2;
			int y = TOP + row * ROW_HEIGHT;
			for (int i = 0; i < inRow; i++) {
				int x = left + i * (CARD_WIDTH + 22);
				double tilt = ((index * 37) % 7 - 3) * 1.2;
				spots.add(new Spot(x, y + (i % 2) * 14, y - 40 + (i % 2) * 6, tilt, letters.get(index)));
				index++;
			}
			row++;
		}
		int crownBottom = TOP + Math.max(row, 3) * ROW_HEIGHT;
		return new Drawing(spots, crownBottom + 140, crownBottom);
	}

}
