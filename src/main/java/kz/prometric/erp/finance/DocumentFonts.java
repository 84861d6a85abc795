package kz.prometric.erp.finance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The documents' fonts (DejaVu Sans, regular and bold), parsed once and reused instead of
 * read and parsed for every PDF, which was a third of an invoice PDF's CPU time
 * (docs/benchmarks.md). fontbox's {@link TrueTypeFont} reads its tables lazily from one
 * stream, so a parsed font serves one rendering at a time: a rendering takes one from the
 * idle ones (or parses a new one when all are busy) and gives it back when its PDF is
 * written. The pool grows to the largest number of PDFs rendered at the same time. Each
 * PDF still embeds its own subset of the font. The font metrics, the same for every
 * document, are kept too.
 */
final class DocumentFonts {

	private final Pool regular = new Pool("DejaVuSans.ttf");

	private final Pool bold = new Pool("DejaVuSans-Bold.ttf");

	private final FSCacheEx<String, FSCacheValue> metrics = new FSDefaultCacheStore();

	/**
	 * Lends the fonts to one rendering into {@code document}; {@link Lease#close()} gives
	 * them back.
	 */
	Lease lend(PdfRendererBuilder builder, PDDocument document, String family) {
		Lease lease = new Lease(this.regular.take(), this.bold.take());
		builder.usePDDocument(document);
		builder.useCacheStore(CacheStore.PDF_FONT_METRICS, this.metrics);
		builder.useFont(new Embedded(document, lease.regular), family, 400, FontStyle.NORMAL, true);
		builder.useFont(new Embedded(document, lease.bold), family, 700, FontStyle.NORMAL, true);
		return lease;
	}

	/** The number of parsed fonts, lent or idle (for tests). */
	int parsed() {
		return this.regular.parsed + this.bold.parsed;
	}

	/** The fonts one rendering holds until its PDF is written. */
	final class Lease implements AutoCloseable {

		private final TrueTypeFont regular;

		private final TrueTypeFont bold;

		private Lease(TrueTypeFont regular, TrueTypeFont bold) {
			this.regular = regular;
			this.bold = bold;
		}

		@Override
		public void close() {
			DocumentFonts.this.regular.give(this.regular);
			DocumentFonts.this.bold.give(this.bold);
		}

	}

	/** A font embedded (as a subset) into one document when the layout first needs it. */
	private static final class Embedded extends PDFontSupplier {

		private final PDDocument document;

		private final TrueTypeFont font;

		Embedded(PDDocument document, TrueTypeFont font) {
			super(null);
			this.document = document;
			this.font = font;
		}

		@Override
		public PDFont supply() {
			try {
				return PDType0Font.load(this.document, this.font, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private static final class Pool {

		private final String file;

		private final byte[] bytes;

		private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

		private volatile int parsed;

		Pool(String file) {
			this.file = file;
			try (InputStream in = DocumentFonts.class.getResourceAsStream("/fonts/" + file)) {
				if (in == null) {
					throw new IllegalStateException("Font /fonts/" + file + " is missing from the classpath");
				}
				this.bytes = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read font /fonts/" + file, ex);
			}
		}

		TrueTypeFont take() {
			TrueTypeFont font = this.idle.poll();
			if (font != null) {
				return font;
			}
			try {
				font = new TTFParser().parse(new RandomAccessReadBuffer(this.bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not parse font /fonts/" + this.file, ex);
			}
			synchronized (this) {
				this.parsed++;
			}
			return font;
		}

		void give(TrueTypeFont font) {
			this.idle.offer(font);
		}

	}

}
