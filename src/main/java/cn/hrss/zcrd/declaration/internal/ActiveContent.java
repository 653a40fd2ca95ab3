package cn.hrss.zcrd.declaration.internal;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Finds active content anywhere in a PDF, not only where a well-behaved file would put it: every indirect object of
 * the cross-reference table is parsed (also objects nothing refers to — a reader may still reach them, and an
 * attacker may count on a check that follows references only) and every dictionary in it, direct children included,
 * is looked at for actions that run something (JavaScript, launch, URI, form submission, remote go-to …), additional
 * or open actions, the JavaScript and embedded-file name trees, file specifications with embedded files, file
 * attachment and rich-media annotations, and XFA forms. A scanned certificate needs none of it.
 *
 * <p>The walk is iterative (no recursion a deep nesting could exhaust) and counts what it visits, so its work is
 * bounded by the number of objects, which the caller bounds. Plain Java over iText's object model.
 */
final class ActiveContent {

    /** action types that run code, leave the document or send data */
    private static final Set<PdfName> ACTIONS = Set.of(
            PdfName.JavaScript,
            PdfName.Launch,
            PdfName.URI,
            PdfName.SubmitForm,
            PdfName.ImportData,
            PdfName.GoToR,
            PdfName.GoToE,
            PdfName.Rendition,
            new PdfName("RichMediaExecute"));

    /** keys whose mere presence is active content: scripts, triggers, embedded files, XFA */
    private static final Set<PdfName> KEYS =
            Set.of(PdfName.JS, PdfName.JavaScript, PdfName.AA, PdfName.EmbeddedFiles, PdfName.EF, PdfName.XFA);

    private static final Set<PdfName> ANNOTATIONS =
            Set.of(PdfName.FileAttachment, PdfName.RichMedia, PdfName.Screen, PdfName.Movie, PdfName.Sound);

    /** direct objects visited per indirect object, beyond which the file is not a scan */
    private static final int MAX_DIRECT_OBJECTS = 1_000_000;

    private ActiveContent() {}

    /**
     * The PDF name of the first active content found (e.g. {@code JavaScript}, {@code Launch}, {@code EmbeddedFile},
     * {@code XFA}), or null when there is none.
     */
    static String find(PdfDocument pdf) {
        PdfObject openAction = pdf.getCatalog().getPdfObject().get(PdfName.OpenAction);
        if (openAction != null && openAction.isDictionary()) {
            // an open action that is a destination array only scrolls; an action dictionary does something
            String found = action((PdfDictionary) openAction);
            if (found != null) {
                return found;
            }
        }
        Deque<PdfObject> pending = new ArrayDeque<>();
        int visited = 0;
        for (int i = 1; i < pdf.getNumberOfPdfObjects(); i++) {
            PdfObject object = pdf.getPdfObject(i);
            if (object == null) {
                continue;
            }
            pending.push(object);
            while (!pending.isEmpty()) {
                PdfObject next = pending.pop();
                if (++visited > MAX_DIRECT_OBJECTS) {
                    throw new IllegalStateException("too many objects");
                }
                if (next.isDictionary() || next.isStream()) {
                    PdfDictionary dictionary = (PdfDictionary) next;
                    String found = inDictionary(dictionary);
                    if (found != null) {
                        return found;
                    }
                    for (PdfName key : dictionary.keySet()) {
                        push(pending, dictionary.get(key, false));
                    }
                } else if (next.isArray()) {
                    PdfArray array = (PdfArray) next;
                    for (int j = 0; j < array.size(); j++) {
                        push(pending, array.get(j, false));
                    }
                }
            }
        }
        return null;
    }

    /** Only direct containers: an indirect reference is looked at as the object of its own number. */
    private static void push(Deque<PdfObject> pending, PdfObject child) {
        if (child != null && !child.isIndirectReference() && (child.isDictionary() || child.isArray())) {
            pending.push(child);
        }
    }

    private static String inDictionary(PdfDictionary dictionary) {
        for (PdfName key : KEYS) {
            if (dictionary.containsKey(key)) {
                return key.getValue();
            }
        }
        String action = action(dictionary);
        if (action != null) {
            return action;
        }
        PdfObject type = dictionary.get(PdfName.Type, false);
        if (PdfName.EmbeddedFile.equals(type)) {
            return PdfName.EmbeddedFile.getValue();
        }
        PdfObject subtype = dictionary.get(PdfName.Subtype, false);
        if (subtype != null && subtype.isName() && ANNOTATIONS.contains((PdfName) subtype)) {
            return ((PdfName) subtype).getValue();
        }
        return null;
    }

    private static String action(PdfDictionary dictionary) {
        PdfObject kind = dictionary.get(PdfName.S, false);
        if (kind != null && kind.isName() && ACTIONS.contains((PdfName) kind)) {
            return ((PdfName) kind).getValue();
        }
        return null;
    }
}
