package com.faceattend.desktop.enrolment;

import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.suite.EnrolmentService;
import java.util.List;
import org.openide.util.NbBundle;

/** The plain-text summary shown after an import: who was enrolled, and each rejected photo with its reason. */
final class ImportSummary {
    private ImportSummary() {
    }

    @NbBundle.Messages({"# {0} - people enrolled", "# {1} - people", "# {2} - photos rejected",
        "SUM_Head={0} of {1} people enrolled, {2} photo(s) rejected.", "SUM_Rejected=Rejected photos:",
        "# {0} - code", "# {1} - accepted", "# {2} - templates", "SUM_Person=  {0}: {1} photo(s) accepted ({2} templates)",
        "# {0} - code", "SUM_NotEnrolled=  {0}: NOT enrolled, no usable photo", "SUM_Cancelled=Import cancelled."})
    static String of(List<EnrolmentService.PersonResult> results, boolean cancelled) {
        int enrolled = (int) results.stream().filter(r -> r.templatesSaved() > 0).count();
        int rejected = results.stream().mapToInt(r -> r.rejected().size()).sum();
        StringBuilder s = new StringBuilder(Bundle.SUM_Head(enrolled, results.size(), rejected)).append('\n');
        if (cancelled) {
            s.append(Bundle.SUM_Cancelled()).append('\n');
        }
        for (EnrolmentService.PersonResult r : results) {
            s.append(r.templatesSaved() > 0 ? Bundle.SUM_Person(r.code(), r.photosAccepted(), r.templatesSaved())
                    : Bundle.SUM_NotEnrolled(r.code())).append('\n');
        }
        if (rejected > 0) {
            s.append('\n').append(Bundle.SUM_Rejected()).append('\n');
            for (EnrolmentService.PersonResult r : results) {
                for (PhotoSetChecker.Rejection x : r.rejected()) {
                    s.append("  ").append(r.code()).append('/').append(x.photo().getFileName()).append(": ")
                            .append(x.problem()).append(". ").append(capitalise(x.fix())).append('\n');
                }
            }
        }
        return s.toString();
    }

    static String rejections(List<PhotoSetChecker.Rejection> rejected) {
        StringBuilder s = new StringBuilder();
        for (PhotoSetChecker.Rejection x : rejected) {
            s.append(x.photo().getFileName()).append(": ").append(x.problem()).append(". ").append(capitalise(x.fix())).append('\n');
        }
        return s.toString();
    }

    private static String capitalise(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
