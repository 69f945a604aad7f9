/*
 * Synthetic data generator for the claim-and-attribution tracker's bulk import (JSON Lines, as
 * described in the import format specification). Single file, JDK 17 only, no dependencies:
 *
 *     java -Xmx1g bench/Generate.java [--out DIR] [--seed N] [--claims N] [--responses N]
 *         [--articles N] [--parties N] [--outlets N] [--threads N] [--verify-every N]
 *
 * Writes outlets.jsonl, parties.jsonl, articles.jsonl, claims.jsonl and responses.jsonl into DIR
 * (default target/bench-data), in that order, so that every reference points at a row of an
 * earlier file (counter-claims: a row of claims.jsonl). Every line carries "type". Defaults:
 * 300 outlets, 5,000 parties, 200,000 articles, 1,000,000 claims, 2,000,000 responses (~2.8 GB).
 *
 * REPRODUCIBILITY. Every random choice comes from a java.util.SplittableRandom seeded from
 * (--seed, stream, index) through the SplitMix64 finaliser: the outlets, the parties, each
 * article's metadata and text, each claim, each claim's responses and each quoted sentence have
 * their own stream, so the output does not depend on --threads. Hash sets are used for membership
 * tests only, never iterated; nothing depends on the clock or the locale; floating point goes
 * through StrictMath. Same options and seed give byte-identical files.
 *
 * WHAT IS GENERATED.
 * - Outlets: fictional news sites (62%), wire agencies, state media, blogs and monitors, each with a
 *   unique name and domain and a country code.
 * - Parties: about 90 well-known actors of the Syrian war first (states, ministries, armed forces,
 *   armed groups, coalitions, monitors, media, with aliases such as SOHR, YPG, Daesh and parents
 *   such as Russian Aerospace Forces -> Russian Ministry of Defence -> Russia), then other states
 *   and their ministries and forces, interleaved with synthetic armed groups, local councils,
 *   monitors, military units, operations rooms, media and fictional persons (spokespeople,
 *   commanders, researchers, each with a parent and a name of a fitting culture). Names and aliases
 *   are unique case-insensitively across all parties, and no alias equals a name. With fewer
 *   --parties the list is cut from the top; parents always precede their children.
 * - Articles: published 2011-03-15 .. 2025-12-31 following a yearly intensity curve of the war (2016
 *   peaks) with month-to-month noise; written in date order. The text is paragraphs ("\n\n") of
 *   sentences built from vocabularies (towns and villages of Syria and Iraq with their governorates,
 *   parties, means of attack, targets, weapon systems, agreements, numbers, dates); 30% of the
 *   background sentences are sentences of the seed articles (--vocabulary, default seeds/articles)
 *   with their names replaced by names drawn Zipf(1.0) from the seeds' names and 60,000 synthetic
 *   ones and a third of their content words by seed words, which gives the texts a realistic long
 *   tail of rare words and names for full-text search (SeedVocabulary). Length:
 *   log-normal, median ~4,800 characters, ~85% within 2,500-8,000, 3% long reads of 2-5x (p99
 *   ~20,000, longest ~120,000). Every claim source and response quotes a sentence that the
 *   article carrying it was built around, so a quote says what its claim or response says, e.g.
 *   "The Russian Ministry of Defence said that the US-led coalition had carried out an air strike
 *   on a bakery in al-Bab in Aleppo province on Tuesday, killing 12 civilians." (sometimes only the
 *   reported clause is quoted). Texts are ASCII, so char offsets are code points; texts are
 *   unique (64-bit hash check; a duplicate would be regenerated); urls
 *   https://<domain>/<yyyy>/<mm>/<dd>/<slug>-<n> are unique by n (the article's number).
 * - Claims (ref gen-c-<n>): kinds attack_attribution 40%, casualties 18%, cooperation 10%,
 *   agreement_breach 10%, capability 8%, threat 7%, other 7%; ~87% have an addressed party, of a
 *   kind that fits the claim (attacks, casualties, capabilities, threats: states, armed forces,
 *   armed groups, coalitions; cooperation and breaches also government bodies; "other" anyone); 1%
 *   of attacks/casualties by armed actors are admissions, addressed to the claimant itself; ~30%
 *   of the claims of a party with spokespeople name one as speaker; 5% name claimant or addressed
 *   party by an alias;
 *   statedOn over 2011-2025 with the articles' intensity curve; 1 source (85%) or 2 from different
 *   articles (preferably of different outlets), published on or after statedOn (the tracker
 *   requires it) within 3 (7) days; casualty figures where the proposition gives them; grading
 *   mostly unassessed.
 * - Responses (ref gen-r-<n>): per claim a count with mean --responses / --claims (with the
 *   defaults ~25% of claims get none, the others 1 + geometric, at most 40); in time order: the
 *   first mostly by the addressed party (for claims without one, by a suspect drawn like an
 *   addressed party), later ones by that party changing its stance (assessing -> denies or
 *   acknowledges, declines_comment -> denies, denies -> counter_attributes, ...), by the claimant
 *   (asserts; retracts, only ever by the claimant) or by third parties (monitors confirming, allies
 *   denying). Resulting mix at default scale (printed by the summary): denies ~30%, assessing ~15%,
 *   declines_comment ~10%, confirms ~10%, counter_attributes ~10%, asserts ~8%, partially_confirms
 *   ~7%, acknowledges ~7%, retracts ~3%. statedOn >= the claim's statedOn, the quoted article
 *   published on or after it. A counter_attributes response names as counterClaim, 60% of the time
 *   when there is one, the responding party's own claim stated nearest in time (within 60 days).
 *
 * SKEW. Parties are drawn by rank from a Zipf distribution, P(rank k) = k^-1.1 / sum_j j^-1.1 over
 * the ranks 1..N of all N parties, using one ranking for claimants (Russian Ministry of Defence,
 * Syrian Observatory for Human Rights, US-led coalition, Syria, Russia, Turkish Ministry of
 * National Defence, ...) and one for addressed parties (US-led coalition, Russia, Syria, Russian
 * Aerospace Forces, Syrian Arab Air Force, Turkey, Islamic State, Syrian Arab Army, Israel, ...);
 * the parties outside those head lists follow in a seeded shuffled order. For N = 5000 the top 10
 * ranks get 42.4% of the draws, the top 20 50.5%, the top 100 67.7% (N = 200: 57.0%, 67.9%, 91.0%).
 * An addressed party of the wrong kind for the claim (a ministry of foreign affairs, a monitor or a
 * person for an air strike) or of the claimant's own state or organisation (same root parent) is
 * redrawn, which concentrates the addressed parties further on the head. Measured at default
 * scale: claims by claimant top 10 42.4%, top 20 50.5%, top 100 67.7%; by addressed party (of the
 * 87% that have one) top 10 53.8%, top 20 65.1%, top 100 84.9% (US-led coalition 18.5%, Russia
 * 7.0%, Syria 5.2%). Responses inherit the skew (70% by the addressed party or suspect): top 10
 * 45.6%, top 20 57.0%. Third parties are drawn from the claimant ranking. Outlets are drawn
 * Zipf(1.0) by position, towns Zipf(0.9), villages uniformly. The summary prints the shares.
 *
 * MEMORY AND SPEED. Article texts are never held together. A plan made first (which article
 * carries which quoted sentence; ~100 MB of int arrays at default scale) lets the articles be
 * written with their quotes in place; the offsets are recorded then, and a claim or response
 * re-derives its quoted sentence from its own seed. Every quote is checked when its article is
 * built (the sentence is rendered again independently and compared with the text at the recorded
 * offset), and every --verify-every'th quote (default 1000; 1 = all, slow) again when its claim or
 * response is written, by rebuilding the whole article from its seed and comparing
 * text.substring(quoteStart, quoteStart + quote.length()). Rows are generated in chunks by
 * --threads worker threads (default: available processors) and written in order by the main
 * thread; JSON is escaped by hand into byte buffers. Runs with -Xmx1g at default scale; progress
 * on stderr every 10% per file (files of 10,000 rows or more) or every 5 s, a summary at the end.
 */

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeMap;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class Generate {

    // ============================================================================================
    // Options
    // ============================================================================================

    static long seed = 42;
    static int nClaims = 1_000_000;
    static int nResponses = 2_000_000;
    static int nArticles = 200_000;
    static int nParties = 5000;
    static int nOutlets = 300;
    static int verifyEvery = 1000;
    static int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    static String outDir = "target/bench-data";
    static String vocabularyDir = "seeds/articles";

    static final String USAGE = String.join("\n",
            "Usage: java [-Xmx1g] bench/Generate.java [options]",
            "",
            "Writes synthetic tracker import files (JSON Lines) into a directory:",
            "outlets.jsonl, parties.jsonl, articles.jsonl, claims.jsonl, responses.jsonl.",
            "",
            "Options (defaults in brackets):",
            "  --out DIR            output directory [target/bench-data]",
            "  --seed N             random seed; same options and seed give identical files [42]",
            "  --claims N           number of claims [1000000]",
            "  --responses N        number of responses [2000000]",
            "  --articles N         number of articles [200000]",
            "  --parties N          number of parties, at least 10 [5000]",
            "  --outlets N          number of outlets [300]",
            "  --threads N          worker threads; does not change the output [available processors, at most 8]",
            "  --verify-every N     also check every Nth quote against its article rebuilt from its",
            "                       seed when writing claims and responses; 1 = all (slow), 0 = none [1000]",
            "  --vocabulary DIR     seed articles (*.txt) whose sentences, names and words some background",
            "                       sentences are drawn from; the files are part of what fixes the output;",
            "                       none = templates only [seeds/articles]",
            "  --help               this text",
            "");

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                die("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> outDir = v;
                case "--seed" -> seed = parseLong(a, v);
                case "--claims" -> nClaims = parseCount(a, v);
                case "--responses" -> nResponses = parseCount(a, v);
                case "--articles" -> nArticles = parseCount(a, v);
                case "--parties" -> nParties = parseCount(a, v);
                case "--outlets" -> nOutlets = parseCount(a, v);
                case "--threads" -> threads = Math.max(1, parseCount(a, v));
                case "--verify-every" -> verifyEvery = parseCount(a, v);
                case "--vocabulary" -> vocabularyDir = v;
                default -> die("unknown option " + a);
            }
        }
        if (nParties < 10) die("--parties must be at least 10");
        if (nOutlets < 1) die("--outlets must be at least 1");
        if (nArticles < 1) die("--articles must be at least 1");
        if (nResponses > 0 && nClaims == 0) die("responses need claims: --claims must be at least 1");
        long quotes = (long) nClaims * 2 + nResponses;
        if (quotes > 400L * nArticles) {
            die("too few articles for that many quotes: give at least " + ((quotes + 399) / 400) + " articles");
        }
        vocabulary = SeedVocabulary.load(vocabularyDir);
        Generate g = new Generate();
        try {
            g.run();
        } finally {
            if (g.pool != null) g.pool.shutdownNow();
        }
    }

    static long parseLong(String opt, String v) {
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            die(opt + " needs a number, not '" + v + "'");
            return 0;
        }
    }

    static int parseCount(String opt, String v) {
        long n = parseLong(opt, v);
        if (n < 0 || n > 100_000_000) die(opt + " must be between 0 and 100000000");
        return (int) n;
    }

    static void die(String msg) {
        System.err.println("Generate: " + msg + " (--help for usage)");
        System.exit(2);
    }

    // ============================================================================================
    // Random streams and distributions
    // ============================================================================================

    static final int S_OUTLET = 1, S_PARTY = 2, S_ORDER = 3, S_ART_DAYS = 4, S_ART_META = 5, S_ART_TEXT = 6,
            S_CLAIM = 7, S_CLAIM_SENT = 8, S_RESP = 9, S_RESP_SENT = 10, S_STAFF = 11, S_MONTH = 12,
            S_RCOUNT = 13, S_PLAN = 14, S_VOCAB = 15;

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom rng(int stream, long index) {
        return new SplittableRandom(mix64(mix64(seed * 0x9E3779B97F4A7C15L + stream) + index));
    }

    static <T> T pick(SplittableRandom r, T[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Index drawn from cumulative weights (short tables). */
    static int draw(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (cumulative[i] <= u) i++;
        return i;
    }

    static double[] cumulative(double... w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    /**
     * Quantiles of the standard normal distribution at (i + 0.5) / 4096, computed once with
     * StrictMath (Acklam's rational approximation, relative error below 1.2e-9); log-normal
     * draws below pick one of them uniformly, which is the same on every JDK and cheap.
     */
    static final double[] NORMAL = new double[4096];

    static {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        for (int i = 0; i < NORMAL.length; i++) {
            double p = (i + 0.5) / NORMAL.length, x;
            if (p < 0.02425 || p > 1 - 0.02425) {
                double q = StrictMath.sqrt(-2 * StrictMath.log(p < 0.5 ? p : 1 - p));
                x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
                if (p > 0.5) x = -x;
            } else {
                double q = p - 0.5, t = q * q;
                x = (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * q
                        / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1);
            }
            NORMAL[i] = x;
        }
    }


    /** A discrete distribution over 0..n-1 given by weights, sampled through a guide table. */
    static final class Dist {
        final double[] cdf;
        final int[] guide;

        Dist(double[] weights) {
            int n = Math.max(1, weights.length);
            cdf = new double[n];
            double sum = 0;
            for (int k = 0; k < weights.length; k++) {
                sum += weights[k];
                cdf[k] = sum;
            }
            if (weights.length == 0) cdf[0] = 1;
            int m = Integer.highestOneBit(Math.max(16, n * 4));
            guide = new int[m + 1];
            int k = 0;
            for (int b = 0; b <= m; b++) {
                double lower = cdf[n - 1] * b / m;
                while (k < n - 1 && cdf[k] <= lower) k++;
                guide[b] = k;
            }
        }

        static Dist zipf(int n, double s) {
            double[] w = new double[n];
            for (int k = 0; k < n; k++) w[k] = StrictMath.pow(k + 1, -s);
            return new Dist(w);
        }

        int sample(SplittableRandom r) {
            double u = r.nextDouble() * cdf[cdf.length - 1];
            int k = guide[(int) (u / cdf[cdf.length - 1] * (guide.length - 1))];
            while (cdf[k] <= u && k < cdf.length - 1) k++;
            return k;
        }
    }

    // ============================================================================================
    // Seed vocabulary: background sentences in the words of real articles, with a long tail of names
    // ============================================================================================

    static SeedVocabulary vocabulary;

    /**
     * Background sentences drawn from the sentences of the seed articles (--vocabulary, read in
     * file-name order): the templates alone use ~1,500 distinct words over millions of tokens, far
     * fewer than news texts, so every word would be common and rare names would not exist. A
     * seed sentence keeps its shape and function words; each name in it (a capitalised word not
     * opening the sentence) is replaced by one drawn Zipf(1.0) from the seeds' own names (most
     * frequent first: Konashenkov, Hasajek ...) followed by synthetic ones (NAMES in all), so a few
     * names are frequent and most are rare, and a third of its content words by seed words drawn by
     * their frequency in the seeds. ASCII only (typographic quotes and dashes folded, other
     * characters dropped), like the rest of the text. Deterministic: the article's own random stream.
     */
    static final class SeedVocabulary {
        static final int PERCENT = 30; // of the background sentences
        static final int NAMES = 60_000;
        static final java.util.Set<String> STOP = new HashSet<>(Arrays.asList(("the and that with from this have were which "
                + "their been they after about would there into also more said over when than them other some what only could "
                + "where while being these those such will because before against between during under very then were must "
                + "should does like just most many much even").split(" ")));

        static final java.util.Set<String> CALENDAR = new HashSet<>(Arrays.asList(("January February March April May June July "
                + "August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split(" ")));

        final String[][] sentences; // tokens, with their punctuation
        final String[] names;
        final Dist nameRanks;
        final String[] words;
        final Dist wordWeights;

        private SeedVocabulary(List<String[]> sentences, String[] names, String[] words, double[] wordCounts) {
            this.sentences = sentences.toArray(new String[0][]);
            this.names = names;
            this.nameRanks = Dist.zipf(names.length, 1.0);
            this.words = words;
            this.wordWeights = new Dist(wordCounts);
        }

        static String ascii(String line) {
            String t = line.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                    .replace('\u2013', '-').replace('\u2014', '-').replace('\u00A0', ' ');
            t = Normalizer.normalize(t, Normalizer.Form.NFKD);
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c >= 0x20 && c < 0x7f) b.append(c);
            }
            return b.toString().replaceAll("\\s+", " ").trim();
        }

        static String core(String token) {
            return token.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        }

        static boolean isName(String core, int position) {
            return position > 0 && core.matches("[A-Z][a-z]+(-[A-Za-z][a-z]+)*") && !CALENDAR.contains(core);
        }

        static SeedVocabulary load(String dir) throws IOException {
            if (dir.equals("none")) return null;
            Path d = Paths.get(dir);
            if (!Files.isDirectory(d)) {
                if (dir.equals("seeds/articles")) {
                    log("Generate: no seeds/articles here (run from the repository): background sentences from templates only");
                    return null;
                }
                die("--vocabulary " + dir + " is not a directory");
            }
            List<Path> files = new ArrayList<>();
            try (var list = Files.list(d)) {
                list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().forEach(files::add);
            }
            List<String[]> sentences = new ArrayList<>();
            TreeMap<String, Integer> nameCount = new TreeMap<>(), wordCount = new TreeMap<>();
            for (Path f : files) {
                for (String raw : Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8)) {
                    if (raw.contains("](") || raw.contains("http") || raw.startsWith("#") || raw.contains("|")) continue;
                    String line = ascii(raw);
                    for (String sentence : line.split("(?<=[.!?])\\s+(?=[A-Z\"])")) {
                        String[] tokens = sentence.split(" ");
                        if (tokens.length < 8 || tokens.length > 40 || !sentence.matches("[A-Z\"].*[.!?]\"?")) continue;
                        if (sentence.chars().filter(c -> c == '"').count() % 2 != 0 || sentence.contains("{")) continue;
                        sentences.add(tokens);
                        for (int i = 0; i < tokens.length; i++) {
                            String c = core(tokens[i]);
                            if (isName(c, i)) nameCount.merge(c, 1, Integer::sum);
                            else if (c.matches("[a-z]{4,}") && !STOP.contains(c)) wordCount.merge(c, 1, Integer::sum);
                        }
                    }
                }
            }
            if (sentences.isEmpty()) {
                log("Generate: no usable sentence in " + dir + ": background sentences from templates only");
                return null;
            }
            List<String> names = new ArrayList<>(nameCount.keySet());
            names.sort((a, b) -> nameCount.get(b) - nameCount.get(a)); // stable: ties stay in alphabetical order
            HashSet<String> seen = new HashSet<>(names);
            String[] onsets = {"b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "y", "z",
                "v", "g", "p", "ch", "dr", "st", "br", "kr"};
            String[] vowels = {"a", "i", "u", "e", "o", "aa", "ou", "ei", "ya"};
            String[] endings = {"", "", "", "an", "iyah", "ov", "enko", "ek", "in", "ani", "ski", "ul", "ad", "eh"};
            SplittableRandom r = rng(S_VOCAB, 0);
            while (names.size() < NAMES) {
                StringBuilder b = new StringBuilder();
                int syllables = 2 + r.nextInt(2);
                for (int i = 0; i < syllables; i++) b.append(pick(r, onsets)).append(pick(r, vowels));
                b.append(pick(r, endings));
                String n = Character.toUpperCase(b.charAt(0)) + b.substring(1);
                if (r.nextInt(8) == 0) n = "al-" + n;
                if (seen.add(n)) names.add(n);
            }
            String[] words = wordCount.keySet().toArray(new String[0]);
            double[] counts = new double[words.length];
            for (int i = 0; i < words.length; i++) counts[i] = wordCount.get(words[i]);
            log("Generate: vocabulary of " + files.size() + " seed articles: " + sentences.size() + " sentences, "
                    + nameCount.size() + " names (+" + (NAMES - nameCount.size()) + " synthetic), " + words.length + " content words");
            return new SeedVocabulary(sentences, names.toArray(new String[0]), words, counts);
        }

        /** Appends one sentence to sb. */
        void sentence(SplittableRandom r, StringBuilder sb) {
            String[] tokens = sentences[r.nextInt(sentences.length)];
            for (int i = 0; i < tokens.length; i++) {
                if (i > 0) sb.append(' ');
                String t = tokens[i];
                String c = core(t);
                String with = null;
                if (isName(c, i)) with = names[nameRanks.sample(r)];
                else if (c.matches("[a-z]{4,}") && !STOP.contains(c) && r.nextInt(3) == 0) with = words[wordWeights.sample(r)];
                if (with == null) {
                    sb.append(t);
                } else {
                    int at = t.indexOf(c);
                    sb.append(t, 0, at).append(with).append(t, at + c.length(), t.length());
                }
            }
        }
    }

    // ============================================================================================
    // Calendar: day numbers count from 2011-03-01; claims and articles lie in 2011-03-15..2025-12-31
    // ============================================================================================

    static final LocalDate BASE_DATE = LocalDate.of(2011, 3, 1);
    static final int FIRST_DAY = 14;
    static final int LAST_DAY = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - BASE_DATE.toEpochDay());
    static final String[] ISO = new String[LAST_DAY + 1], LONG_DATE = new String[LAST_DAY + 1],
            SHORT_DATE = new String[LAST_DAY + 1], WEEKDAY = new String[LAST_DAY + 1], MONTH_NAME = new String[LAST_DAY + 1];
    static final int[] YEAR = new int[LAST_DAY + 1];
    static final double[] YEAR_WEIGHT = {0.35, 0.9, 1.2, 1.35, 1.55, 1.8, 1.6, 1.3, 0.95, 0.7, 0.5, 0.45, 0.55, 0.6, 0.85};
    static Dist days;

    static void initCalendar() {
        for (int d = 0; d <= LAST_DAY; d++) {
            LocalDate date = BASE_DATE.plusDays(d);
            ISO[d] = date.toString();
            String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            MONTH_NAME[d] = month;
            LONG_DATE[d] = date.getDayOfMonth() + " " + month + " " + date.getYear();
            SHORT_DATE[d] = date.getDayOfMonth() + " " + month;
            WEEKDAY[d] = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            YEAR[d] = date.getYear();
        }
        double[] w = new double[LAST_DAY - FIRST_DAY + 1];
        for (int d = FIRST_DAY; d <= LAST_DAY; d++) {
            LocalDate date = BASE_DATE.plusDays(d);
            int monthIndex = (date.getYear() - 2011) * 12 + date.getMonthValue();
            double monthFactor = 0.6 + 0.8 * rng(S_MONTH, monthIndex).nextDouble();
            w[d - FIRST_DAY] = YEAR_WEIGHT[date.getYear() - 2011] * monthFactor;
        }
        days = new Dist(w);
    }

    static int sampleDay(SplittableRandom r) {
        return FIRST_DAY + days.sample(r);
    }

    // ============================================================================================
    // Vocabularies
    // ============================================================================================

    /** Towns: name|governorate, roughly by how often they appear in the reporting. */
    static final String[] TOWNS = {
        "Aleppo|Aleppo", "Idlib|Idlib", "Douma|Rif Dimashq", "Raqqa|Raqqa", "Deir ez-Zor|Deir ez-Zor", "al-Bab|Aleppo",
        "Maarat al-Numan|Idlib", "Homs|Homs", "Saraqib|Idlib", "Khan Shaykhun|Idlib", "Manbij|Aleppo", "Hama|Hama",
        "Palmyra|Homs", "Afrin|Aleppo", "Jisr al-Shughur|Idlib", "Daraa|Daraa", "Abu Kamal|Deir ez-Zor", "Mosul|Nineveh",
        "al-Mayadin|Deir ez-Zor", "Ariha|Idlib", "Harasta|Rif Dimashq", "Jobar|Damascus", "Darayya|Rif Dimashq",
        "Kafr Nabl|Idlib", "Hajin|Deir ez-Zor", "Tabqa|Raqqa", "Kobani|Aleppo", "Jarabulus|Aleppo", "Azaz|Aleppo",
        "Tal Rifaat|Aleppo", "Latamneh|Hama", "Kafr Zita|Hama", "Morek|Hama", "Rastan|Homs", "Talbiseh|Homs",
        "al-Houla|Homs", "Qusayr|Homs", "Damascus|Damascus", "Zamalka|Rif Dimashq", "Arbin|Rif Dimashq",
        "Ain Tarma|Rif Dimashq", "Kafr Batna|Rif Dimashq", "Saqba|Rif Dimashq", "Hamouriyah|Rif Dimashq",
        "Muadamiyat al-Sham|Rif Dimashq", "Zabadani|Rif Dimashq", "Madaya|Rif Dimashq", "Yarmouk|Damascus",
        "Wadi Barada|Rif Dimashq", "Khan al-Shih|Rif Dimashq", "Yabroud|Rif Dimashq", "Busra al-Sham|Daraa",
        "Nawa|Daraa", "Inkhil|Daraa", "Tafas|Daraa", "Jasim|Daraa", "Sheikh Maskin|Daraa", "Quneitra|Quneitra",
        "Khan Arnabah|Quneitra", "Sweida|Sweida", "Shahba|Sweida", "al-Mansoura|Raqqa", "Ain Issa|Raqqa",
        "Tal Abyad|Raqqa", "Maadan|Raqqa", "al-Shuhayl|Deir ez-Zor", "al-Susah|Deir ez-Zor", "Baghuz|Deir ez-Zor",
        "Khasham|Deir ez-Zor", "al-Tabiyah|Deir ez-Zor", "Hasakah|Hasakah", "Qamishli|Hasakah", "Shaddadi|Hasakah",
        "Ras al-Ain|Hasakah", "Tal Tamr|Hasakah", "Amuda|Hasakah", "al-Malikiyah|Hasakah", "al-Hol|Hasakah",
        "Latakia|Latakia", "Jableh|Latakia", "Kessab|Latakia", "Salma|Latakia", "Tartus|Tartus", "Baniyas|Tartus",
        "Binnish|Idlib", "Taftanaz|Idlib", "Salqin|Idlib", "Harim|Idlib", "Atmeh|Idlib", "Darkush|Idlib",
        "Sarmin|Idlib", "Sarmada|Idlib", "Atarib|Aleppo", "Anadan|Aleppo", "Hraytan|Aleppo", "Khan Tuman|Aleppo",
        "al-Safira|Aleppo", "Deir Hafer|Aleppo", "Maskanah|Aleppo", "Suran|Hama", "Salamiyah|Hama", "Mhardeh|Hama",
        "Qalaat al-Madiq|Hama", "Kafr Nabudah|Hama", "al-Qaryatayn|Homs", "al-Sukhnah|Homs", "Tal Afar|Nineveh",
        "Qayyarah|Nineveh", "Sinjar|Nineveh", "al-Hatra|Nineveh", "Hawija|Kirkuk", "Ramadi|Anbar", "Fallujah|Anbar",
        "Hit|Anbar", "Haditha|Anbar", "al-Qaim|Anbar", "Rawa|Anbar", "Anah|Anbar", "Tikrit|Salahuddin",
        "Baiji|Salahuddin", "Samarra|Salahuddin",
    };
    static final String[] VILLAGE_PREFIX = {"Tal", "Kafr", "Ain", "Deir", "Khirbet", "Beit", "Umm", "Arab", "Jabal",
        "Tell", "Qasr", "Maarat", "Burj", "Hawsh", "Bir", "Mazraat", "Sheikh", "Abu"};
    static final String[] VILLAGE_ROOT = {"Hamra", "Sultan", "Nasr", "Ali", "Daher", "Hassan", "Omar", "Abbas", "Rahma",
        "Salim", "Ward", "Zeitoun", "Tuffah", "Rummana", "Jouz", "Nakhla", "Saba", "Ahmar", "Abyad", "Aswad", "Karim",
        "Jamil", "Haydar", "Musa", "Khalil", "Younis", "Shams", "Qamar", "Nour", "Hilal", "Raml", "Tahta", "Fawqa",
        "Jadida", "Qadima", "Kabira", "Saghira", "Sharqi", "Gharbi", "Shamali"};
    static final String[] VILLAGE_GOVS = {"Aleppo", "Aleppo", "Idlib", "Idlib", "Idlib", "Hama", "Hama", "Homs",
        "Rif Dimashq", "Daraa", "Raqqa", "Deir ez-Zor", "Deir ez-Zor", "Hasakah", "Latakia", "Quneitra"};
    static final String[] GOVERNORATES = {"Aleppo", "Idlib", "Hama", "Homs", "Rif Dimashq", "Daraa", "Quneitra",
        "Sweida", "Raqqa", "Deir ez-Zor", "Hasakah", "Latakia", "Tartus", "Nineveh", "Anbar"};

    /** Means of attack: with article, plain, agents. */
    static final String[][] MEANS = {
        {"an air strike", "air strike", "warplanes"}, {"an air strike", "air strike", "jets"},
        {"a series of air strikes", "air strikes", "bombers"}, {"a drone strike", "drone strike", "drones"},
        {"an artillery barrage", "artillery barrage", "artillery units"}, {"a missile strike", "missile strike", "missile batteries"},
        {"a barrel bomb attack", "barrel bomb attack", "helicopters"}, {"a rocket attack", "rocket attack", "rocket launchers"},
        {"a cruise missile strike", "cruise missile strike", "warships"}, {"a mortar attack", "mortar attack", "mortar teams"},
        {"a cluster munition strike", "cluster munition strike", "Su-24 bombers"}, {"an air raid", "air raid", "Su-34 bombers"},
        {"an air strike", "air strike", "F-16 jets"}, {"a double-tap strike", "double-tap strike", "warplanes"},
    };
    static final String[] TARGET = {"a market", "a hospital", "a school", "a bakery", "a mosque", "a displacement camp",
        "a water station", "a power station", "an ammunition depot", "a checkpoint", "a residential building",
        "a fuel convoy", "a field hospital", "a civil defence centre", "a fuel depot", "a bridge", "an oil refinery",
        "a command post", "a training camp", "an air base", "a grain silo", "a police station", "a prison",
        "a row of shops", "a family home", "a bus", "a funeral procession", "a wedding party", "a vegetable market",
        "a medical warehouse"};
    static final String[] TARGET_BARE = Arrays.stream(TARGET).map(t -> t.substring(t.indexOf(' ') + 1)).toArray(String[]::new);
    static final String[] TARGETS = {"markets", "hospitals", "schools", "bakeries", "camps for displaced people",
        "water stations", "power stations", "military positions", "supply routes", "air bases", "oil facilities",
        "border crossings", "command centres", "weapons depots"};
    static final String[] WEAPON_SYSTEMS = {"S-300 air defence systems", "S-400 air defence systems",
        "Pantsir-S1 air defence systems", "Kornet anti-tank missiles", "TOW anti-tank missiles",
        "shoulder-fired anti-aircraft missiles", "Grad rocket launchers", "Iskander ballistic missiles",
        "armed drones", "Scud missiles", "chemical weapons", "Tochka-U missiles", "Buk air defence systems",
        "precision-guided bombs", "thermobaric rockets", "attack helicopters", "long-range artillery",
        "anti-ship missiles", "loitering munitions", "heavy machine guns"};
    static final String[] AGREEMENTS = {"the de-confliction memorandum", "the cessation of hostilities",
        "the Sochi agreement", "the Astana de-escalation agreement", "the Idlib ceasefire", "the Adana agreement",
        "the 2018 Daraa settlement", "UN Security Council resolution 2254", "UN Security Council resolution 2118",
        "the Chemical Weapons Convention", "the Manbij roadmap", "the Moscow protocol",
        "the humanitarian truce", "the local reconciliation agreement"};
    static final String[][] BREACH_ACTIONS = {
        {"shelling residential areas", "shelling of residential areas"},
        {"flying combat sorties without prior notice", "combat sorties flown without prior notice"},
        {"moving armoured columns into the zone", "movement of armoured columns into the zone"},
        {"striking a humanitarian convoy", "strike on a humanitarian convoy"},
        {"using heavy weapons", "use of heavy weapons"},
        {"deploying troops beyond the agreed line", "deployment of troops beyond the agreed line"},
        {"blocking aid deliveries", "blocking of aid deliveries"},
    };
    static final String[][] DEMANDS = {
        {"the siege was lifted", "the siege was not lifted"},
        {"its fighters were released", "its fighters were not released"},
        {"opposition forces withdrew from the area", "opposition forces did not withdraw from the area"},
        {"the shelling of its positions stopped", "the shelling of its positions continued"},
        {"the border crossing was reopened", "the border crossing remained closed"},
        {"foreign troops left the area", "foreign troops stayed"},
    };
    static final String[] EPITHETS = {"baseless", "fabricated", "a provocation", "absurd", "an outright lie",
        "propaganda", "completely unfounded", "fake news", "a crude fabrication", "not based on facts",
        "part of an information war", "slander"};
    static final String[] EVIDENCE = {"irrefutable evidence", "radar data", "intercepted communications",
        "satellite imagery", "witness testimony", "flight logs", "photographs of the munitions"};
    static final String[] INACCURATE = {"inaccurate", "based on a misreading of the data", "premature",
        "based on unverified reports"};
    static final String[] WEAPON_NOISE = {"artillery fire", "heavy machine-gun fire", "air strikes", "explosions",
        "rocket fire", "mortar rounds", "the sound of jets", "drones"};
    static final String[] WEAPONS_PLURAL = {"barrel bombs", "cluster munitions", "incendiary bombs", "guided missiles",
        "mortar shells", "Grad rockets", "bunker-buster bombs", "unguided bombs"};
    static final String[] AIRCRAFT = {"Su-24", "Su-34", "Su-25", "Su-22", "MiG-23", "L-39", "F-16", "F-15E", "A-10",
        "Tornado", "Rafale", "B-52", "MQ-9 Reaper", "Mi-8", "Mi-24"};
    static final String[] CITIES = {"Geneva", "Astana", "Sochi", "Vienna", "Ankara", "Amman", "Doha", "Riyadh",
        "Moscow", "Tehran", "Beirut", "Istanbul", "Brussels", "Washington", "Paris", "London", "Baghdad", "Erbil"};
    static final String[] DATELINES = {"BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "MOSCOW", "WASHINGTON", "BAGHDAD",
        "ERBIL", "GAZIANTEP", "GENEVA", "ANKARA", "IDLIB", "QAMISHLI"};
    static final String[] NEIGHBOURS = {"Turkey", "Lebanon", "Jordan", "Iraq"};
    static final String[] UTILITIES = {"water pumping station", "power station", "main bakery", "telephone exchange",
        "fuel depot", "irrigation canal", "hospital generator"};
    static final String[] AID = {"food", "medicine", "flour", "fuel", "winter supplies", "vaccines", "drinking water"};
    static final String[] ROADS = {"M4 highway", "M5 highway", "Aleppo-Damascus road", "Deir ez-Zor-Raqqa road",
        "Euphrates valley road", "Castello road", "Homs-Palmyra road", "Raqqa-Hasakah road"};
    static final String[] TIMES = {"dawn", "midnight", "6 am", "9 am", "noon", "sunset", "10 pm", "2 am", "4 pm"};
    static final String[] ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "ninth", "tenth"};
    /** Personal names by culture: male first names, female first names, surnames. */
    static final int ARAB = 0, KURDISH = 1, TURKISH = 2, RUSSIAN = 3, PERSIAN = 4, HEBREW = 5, WESTERN = 6;
    static final String[][][] CULTURES = {
        {{"Ahmad", "Mohammed", "Omar", "Khaled", "Yusuf", "Hassan", "Ali", "Mahmoud", "Ibrahim", "Mustafa", "Tariq",
          "Bilal", "Samir", "Nabil", "Fadi", "Rami", "Ziad", "Karim", "Walid", "Adnan", "Hussein", "Jamal", "Salim",
          "Anas", "Mazen", "Hamza", "Firas", "Bashir", "Ayman", "Saleh", "Abdullah", "Majd", "Louay", "Ghassan"},
         {"Fatima", "Layla", "Rania", "Hala", "Nour", "Reem", "Sara", "Maryam", "Lina", "Dima", "Rasha", "Yasmin",
          "Hiba", "Zeinab", "Amal", "Lama", "Ruba", "Mona", "Salma", "Huda"},
         {"Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Darwish", "Youssef", "Aziz", "Qasim", "Hariri",
          "Jaber", "Kabbani", "Shami", "Halabi", "Homsi", "Masri", "Othman", "Rahman", "Zaki", "Sabbagh", "Khoury",
          "Bitar", "Issa", "Najjar", "Tahan", "Attar", "Sayegh", "Farouk", "Ghanem", "Hijazi", "Idlibi", "Karam",
          "Laham", "Mardini", "Obeid", "Qaddour", "Rifai", "Suleiman", "Tamer", "Wahbi", "Yassin", "Zoubi", "Abboud",
          "Dabbagh", "Hamwi", "Jundi", "Kurdi", "Rashid", "Shahin"}},
        {{"Aram", "Baran", "Dilshad", "Rojhat", "Serhat", "Azad", "Kawa", "Rezan", "Shervan", "Hozan", "Siyamend", "Welat"},
         {"Avin", "Berivan", "Hevi", "Jiyan", "Nesrin", "Rojda", "Zilan", "Ronahi", "Delal", "Sozdar"},
         {"Bakir", "Doski", "Hasso", "Kurdo", "Mahmud", "Omer", "Rashid", "Sheikho", "Zebari", "Hesen", "Ibo", "Mistefa"}},
        {{"Mehmet", "Emre", "Kemal", "Murat", "Serkan", "Burak", "Ahmet", "Mustafa", "Hakan", "Yusuf", "Omer", "Can", "Selim"},
         {"Ayse", "Elif", "Zeynep", "Fatma", "Merve", "Ebru", "Derya", "Gul"},
         {"Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Aydin", "Ozturk", "Arslan", "Dogan", "Kilic", "Aksoy", "Korkmaz",
          "Polat", "Erdem", "Yildiz"}},
        {{"Igor", "Sergei", "Dmitry", "Alexei", "Nikolai", "Andrei", "Pavel", "Viktor", "Mikhail", "Oleg", "Yuri",
          "Vladimir", "Roman", "Maxim", "Anatoly"},
         {"Olga", "Natalia", "Elena", "Maria", "Irina", "Tatiana", "Svetlana", "Anna", "Yekaterina"},
         {"Ivanov", "Petrov", "Sokolov", "Volkov", "Morozov", "Kuznetsov", "Orlov", "Belov", "Smirnov", "Popov",
          "Lebedev", "Novikov", "Fedorov", "Zaitsev", "Pavlov", "Semyonov", "Golubev", "Vinogradov"}},
        {{"Reza", "Hossein", "Mehdi", "Amir", "Mohsen", "Hamid", "Javad", "Saeed", "Majid", "Kaveh", "Ali", "Hassan"},
         {"Zahra", "Maryam", "Fatemeh", "Shirin", "Narges", "Parisa", "Leila"},
         {"Hosseini", "Rezaei", "Mohammadi", "Karimi", "Ahmadi", "Moradi", "Jafari", "Rahimi", "Sadeghi", "Kazemi",
          "Bagheri", "Salehi"}},
        {{"Avi", "Yossi", "Moshe", "Eitan", "Amos", "Uri", "Noam", "Ariel", "Dov", "Ronen"},
         {"Noa", "Shira", "Tamar", "Yael", "Michal", "Maya"},
         {"Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Shapiro", "Ben-David", "Avraham"}},
        {{"John", "Michael", "David", "James", "Robert", "Thomas", "Mark", "Peter", "Stephen", "Paul", "Daniel",
          "Christopher", "Brian", "Kevin", "Jean", "Pierre", "Luc", "Francois", "Hans", "Lars", "Tom", "Simon", "Ryan", "Sean"},
         {"Sarah", "Emily", "Anna", "Claire", "Julia", "Rachel", "Helen", "Sophie", "Marie", "Laura", "Emma", "Kate"},
         {"Smith", "Johnson", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Anderson", "Clark", "Walker", "Hall",
          "Young", "King", "Wright", "Scott", "Green", "Baker", "Carter", "Mitchell", "Roberts", "Dubois", "Martin",
          "Bernard", "Moreau", "Laurent", "Lefebvre", "Janssens", "Peeters", "Maes", "Weber", "Fischer", "Schneider",
          "Jensen", "Hansen", "Murphy", "Collins"}},
    };
    static final String[] ARABIC_WORDS = {"al-Fath", "al-Nasr", "al-Haqq", "al-Tawhid", "al-Furqan", "al-Ummah",
        "al-Ansar", "al-Muhajireen", "al-Izza", "al-Sunna", "Ahl al-Sham", "al-Rahman", "al-Quds", "al-Hamza",
        "al-Mutasim", "Suqur al-Sham", "Salah al-Din", "al-Qadisiyah", "al-Yarmouk", "al-Farouq", "al-Ghuraba",
        "al-Abbas", "Zulfiqar", "al-Karama", "al-Tahrir", "al-Jabal", "al-Sahel", "al-Badiya", "al-Furat",
        "al-Asala", "al-Mustaqbal", "al-Wafa", "al-Huriya", "al-Jazira", "al-Sharqiya", "al-Shamal", "al-Janub"};
    static final String[] FRONT_ADJ = {"Southern", "Northern", "Eastern", "Western", "Coastal", "National",
        "Revolutionary", "Unified", "Liberation", "Popular", "Steadfastness", "Victory"};
    static final String[] UNIT_TYPES = {"Armoured Division", "Mechanised Brigade", "Infantry Regiment",
        "Special Forces Regiment", "Artillery Brigade", "Commando Battalion", "Border Guard Brigade", "Air Wing",
        "Rapid Reaction Battalion", "Engineering Regiment"};
    static final String[] AIR_UNIT_TYPES = {"Air Wing", "Fighter Squadron", "Helicopter Squadron", "Air Defence Battalion",
        "Bomber Squadron", "Air Base Command"};
    static final String[] MINISTRIES = {"Health", "Information", "Reconciliation", "Interior", "Justice", "Energy",
        "Local Administration", "Social Affairs"};

    /** Countries: name|demonym|aliases (;)|ISO code. The first eight have hand-written bodies in HEAD. */
    static final String[] STATES = {
        "Russia|Russian|Russian Federation;Moscow;the Russians|RU", "United States|US|United States of America;USA;Washington;the Americans|US",
        "Syria|Syrian|Syrian Arab Republic;Damascus;Syrian government;Assad government|SY", "Turkey|Turkish|Republic of Turkey;Ankara;Turkiye|TR",
        "Iran|Iranian|Islamic Republic of Iran;Tehran|IR", "Israel|Israeli|State of Israel|IL",
        "United Kingdom|British|UK;Britain;Great Britain|GB", "France|French|French Republic;Paris|FR",
        "Iraq|Iraqi|Republic of Iraq;Baghdad|IQ", "Jordan|Jordanian|Hashemite Kingdom of Jordan;Amman|JO",
        "Belgium|Belgian|Kingdom of Belgium;the Belgians|BE", "Saudi Arabia|Saudi|Kingdom of Saudi Arabia;Riyadh|SA",
        "Qatar|Qatari|State of Qatar;Doha|QA", "Lebanon|Lebanese|Lebanese Republic;Beirut|LB",
        "United Arab Emirates|Emirati|UAE;Abu Dhabi|AE", "Germany|German|Federal Republic of Germany;Berlin|DE",
        "Netherlands|Dutch|Kingdom of the Netherlands;The Hague|NL", "Denmark|Danish|Kingdom of Denmark;Copenhagen|DK",
        "Australia|Australian|Commonwealth of Australia;Canberra|AU", "Canada|Canadian|Ottawa|CA",
        "Egypt|Egyptian|Arab Republic of Egypt;Cairo|EG", "China|Chinese|People's Republic of China;Beijing|CN",
        "Italy|Italian|Italian Republic;Rome|IT", "Bahrain|Bahraini|Kingdom of Bahrain;Manama|BH",
        "Kuwait|Kuwaiti|State of Kuwait;Kuwait City|KW", "Norway|Norwegian|Kingdom of Norway;Oslo|NO",
        "Greece|Greek|Hellenic Republic;Athens|GR", "Cyprus|Cypriot|Republic of Cyprus;Nicosia|CY",
        "Ukraine|Ukrainian|Kyiv|UA", "Libya|Libyan|Tripoli|LY", "Yemen|Yemeni|Sanaa|YE",
        "Azerbaijan|Azerbaijani|Baku|AZ", "Armenia|Armenian|Yerevan|AM", "Pakistan|Pakistani|Islamabad|PK",
        "Afghanistan|Afghan|Kabul|AF", "Sudan|Sudanese|Khartoum|SD", "Algeria|Algerian|Algiers|DZ",
        "Morocco|Moroccan|Rabat|MA", "Tunisia|Tunisian|Tunis|TN", "Spain|Spanish|Kingdom of Spain;Madrid|ES",
        "Poland|Polish|Republic of Poland;Warsaw|PL", "Sweden|Swedish|Kingdom of Sweden;Stockholm|SE",
        "Japan|Japanese|Tokyo|JP", "India|Indian|Republic of India;New Delhi|IN", "Georgia|Georgian|Tbilisi|GE",
        "Oman|Omani|Sultanate of Oman;Muscat|OM", "Kazakhstan|Kazakh|Republic of Kazakhstan|KZ",
        "Switzerland|Swiss|Swiss Confederation;Bern|CH",
    };
    static final int STATES_WITH_CUSTOM_BODIES = 8;

    /**
     * The well-known actors, most prominent first; a parent always comes earlier.
     * name|kind|parent|aliases (;)|takes "the" (1/0)
     */
    static final String[] HEAD = {
        "Russia|state|||0", "United States|state|||0", "Syria|state|||0", "Turkey|state|||0",
        "US-led coalition|coalition||Global Coalition against Daesh;anti-IS coalition;CJTF-OIR;Combined Joint Task Force - Operation Inherent Resolve|1",
        "Russian Ministry of Defence|government_body|Russia|Russian MoD;Russian Defence Ministry|1",
        "Syrian Observatory for Human Rights|monitor_ngo||SOHR|1",
        "Islamic State|armed_group||ISIS;ISIL;Daesh|1",
        "Iran|state|||0", "Israel|state|||0",
        "Syrian Arab Army|armed_force|Syria|SAA|1",
        "Syrian Arab Air Force|armed_force|Syria|SyAAF|1",
        "Russian Aerospace Forces|armed_force|Russian Ministry of Defence|VKS|1",
        "Syrian Democratic Forces|armed_group||SDF|1",
        "Hayat Tahrir al-Sham|armed_group||HTS;Tahrir al-Sham|0",
        "Turkish Ministry of National Defence|government_body|Turkey|Turkish Defence Ministry|1",
        "Turkish Armed Forces|armed_force|Turkish Ministry of National Defence|TSK|1",
        "Syrian Ministry of Foreign Affairs|government_body|Syria|Syrian Foreign Ministry|1",
        "Syria Civil Defence|monitor_ngo||White Helmets;Syrian Civil Defence|0",
        "Syrian Network for Human Rights|monitor_ngo||SNHR|1",
        "US Department of Defense|government_body|United States|Pentagon;DoD|1",
        "Israel Defense Forces|armed_force|Israel|IDF|1",
        "People's Protection Units|armed_group||YPG|1",
        "Hezbollah|armed_group||Hizbullah;Hizballah|0",
        "United Kingdom|state|||0", "France|state|||0", "Iraq|state|||0", "Jordan|state|||0",
        "Airwars|monitor_ngo|||0",
        "Syrian National Army|armed_group||SNA;Turkish-backed Syrian National Army|1",
        "Free Syrian Army|armed_group||FSA|1",
        "Jabhat al-Nusra|armed_group||Nusra Front;al-Nusra Front;Jabhat Fateh al-Sham|0",
        "Islamic Revolutionary Guard Corps|armed_force|Iran|IRGC;Revolutionary Guards|1",
        "Israeli Air Force|armed_force|Israel Defense Forces|IAF|1",
        "Russian Ministry of Foreign Affairs|government_body|Russia|Russian Foreign Ministry|1",
        "US Department of State|government_body|United States|State Department|1",
        "US Central Command|armed_force|US Department of Defense|CENTCOM|1",
        "US Air Force|armed_force|US Department of Defense|USAF|1",
        "Syrian Arab News Agency|media_outlet|Syria|SANA|1",
        "NATO|coalition||North Atlantic Treaty Organization|0",
        "Belgium|state|||0", "Saudi Arabia|state|||0", "Qatar|state|||0",
        "Kremlin|government_body|Russia|Russian Presidency|1",
        "White House|government_body|United States||1",
        "Amnesty International|monitor_ngo|||0",
        "Human Rights Watch|monitor_ngo||HRW|0",
        "Organisation for the Prohibition of Chemical Weapons|monitor_ngo||OPCW|1",
        "UN Commission of Inquiry on Syria|monitor_ngo||Commission of Inquiry on Syria|1",
        "Ahrar al-Sham|armed_group|||0",
        "Jaish al-Islam|armed_group|||0",
        "Popular Mobilization Forces|armed_group||PMF;Hashd al-Shaabi|1",
        "National Defence Forces|armed_group|Syria|NDF|1",
        "Wagner Group|armed_group||Wagner PMC|1",
        "Kurdistan Workers' Party|armed_group||PKK|1",
        "Tiger Forces|armed_force|Syrian Arab Army|25th Special Mission Forces Division|1",
        "Quds Force|armed_force|Islamic Revolutionary Guard Corps||1",
        "Turkish Air Force|armed_force|Turkish Armed Forces||1",
        "UK Ministry of Defence|government_body|United Kingdom|British Ministry of Defence|1",
        "Royal Air Force|armed_force|UK Ministry of Defence|RAF|1",
        "French Ministry of the Armed Forces|government_body|France|French Defence Ministry|1",
        "Iraqi Joint Operations Command|armed_force|Iraq||1",
        "Syrian Ministry of Defence|government_body|Syria|Syrian Defence Ministry|1",
        "Iranian Ministry of Foreign Affairs|government_body|Iran|Iranian Foreign Ministry|1",
        "Turkish Ministry of Foreign Affairs|government_body|Turkey|Turkish Foreign Ministry|1",
        "Israeli Prime Minister's Office|government_body|Israel||1",
        "Fatemiyoun Brigade|armed_group|||1",
        "Turkistan Islamic Party|armed_group||TIP|1",
        "Hurras al-Din|armed_group|||0",
        "National Front for Liberation|coalition||NFL|1",
        "Nour al-Din al-Zenki Movement|armed_group||Zenki Movement|1",
        "Jaysh al-Izza|armed_group|||0",
        "Medecins Sans Frontieres|monitor_ngo||MSF;Doctors Without Borders|0",
        "Syrian American Medical Society|monitor_ngo||SAMS|1",
        "Violations Documentation Center|monitor_ngo||VDC|1",
        "Raqqa is Being Slaughtered Silently|monitor_ngo||RBSS|0",
        "Deir ez-Zor 24|monitor_ngo|||0",
        "RT|media_outlet|Russia|Russia Today|0",
        "Amaq News Agency|media_outlet|Islamic State|Amaq|1",
        "Anadolu Agency|media_outlet|Turkey||0",
        "Hawar News Agency|media_outlet||ANHA|1",
        "Lebanon|state|||0",
        "Belgian Ministry of Defence|government_body|Belgium||1",
        "Belgian Air Component|armed_force|Belgian Ministry of Defence||1",
        "Jordanian Armed Forces|armed_force|Jordan||1",
        "Iraqi Ministry of Defence|government_body|Iraq||1",
    };

    /** Most frequent claimants, most frequent first (names missing from a small run are skipped). */
    static final String[] CLAIMANT_HEAD = {"Russian Ministry of Defence", "Syrian Observatory for Human Rights",
        "US-led coalition", "Syria", "Russia", "Turkish Ministry of National Defence", "Syrian Democratic Forces",
        "United States", "Syrian Network for Human Rights", "Syria Civil Defence", "Turkey", "Iran",
        "Israel Defense Forces", "Syrian Ministry of Foreign Affairs", "Airwars", "Hayat Tahrir al-Sham",
        "Islamic State", "US Department of Defense", "Syrian Arab Army", "Syrian Arab News Agency",
        "Amnesty International", "Human Rights Watch", "Hezbollah", "People's Protection Units",
        "Syrian National Army", "Russian Ministry of Foreign Affairs", "UN Commission of Inquiry on Syria",
        "Organisation for the Prohibition of Chemical Weapons", "United Kingdom", "France", "US Central Command",
        "Kremlin", "Amaq News Agency", "Violations Documentation Center", "Hawar News Agency", "Anadolu Agency",
        "Free Syrian Army", "Jaish al-Islam", "Iranian Ministry of Foreign Affairs", "Medecins Sans Frontieres"};
    /** Most frequent addressed parties, most frequent first. */
    static final String[] ADDRESSED_HEAD = {"US-led coalition", "Russia", "Syria", "Russian Aerospace Forces",
        "Syrian Arab Air Force", "Turkey", "Islamic State", "Syrian Arab Army", "Israel", "Hayat Tahrir al-Sham",
        "Syrian Democratic Forces", "United States", "Iran", "Hezbollah", "Turkish Armed Forces",
        "People's Protection Units", "Syrian National Army", "Islamic Revolutionary Guard Corps", "Free Syrian Army",
        "Jabhat al-Nusra", "Israeli Air Force", "Belgium", "United Kingdom", "France", "Wagner Group",
        "Jaish al-Islam", "Ahrar al-Sham", "US Air Force", "Royal Air Force", "Popular Mobilization Forces",
        "National Defence Forces", "Tiger Forces", "Turkish Air Force", "Kurdistan Workers' Party", "Quds Force",
        "Jordan", "Saudi Arabia", "Qatar", "Fatemiyoun Brigade", "Turkistan Islamic Party"};

    /** Cultures of the names of a party's people, by the name of its root party. */
    static final String[][] CULTURE_OF_ROOT = {
        {"Russia", "3"}, {"Turkey", "2"}, {"Iran", "4"}, {"Israel", "5"}, {"United States", "6"}, {"United Kingdom", "6"},
        {"France", "6"}, {"Belgium", "6"}, {"NATO", "6"}, {"US-led coalition", "6"}, {"Germany", "6"}, {"Netherlands", "6"},
        {"Denmark", "6"}, {"Australia", "6"}, {"Canada", "6"}, {"Italy", "6"}, {"Norway", "6"}, {"Spain", "6"},
        {"Poland", "6"}, {"Sweden", "6"}, {"Switzerland", "6"}, {"Greece", "6"}, {"Ukraine", "3"}, {"Azerbaijan", "2"},
        {"Syrian Democratic Forces", "1"}, {"People's Protection Units", "1"}, {"Kurdistan Workers' Party", "1"},
        {"Hawar News Agency", "1"}, {"Airwars", "6"}, {"Amnesty International", "6"}, {"Human Rights Watch", "6"},
        {"Organisation for the Prohibition of Chemical Weapons", "6"}, {"UN Commission of Inquiry on Syria", "6"},
        {"Medecins Sans Frontieres", "6"}, {"Wagner Group", "3"}, {"RT", "3"}, {"Anadolu Agency", "2"},
        {"Fatemiyoun Brigade", "4"},
    };

    static String personName(SplittableRandom r, int culture, boolean female) {
        String[][] c = CULTURES[culture];
        String first = pick(r, female ? c[1] : c[0]);
        String last = pick(r, c[2]);
        if (female && culture == RUSSIAN && (last.endsWith("ov") || last.endsWith("ev") || last.endsWith("in"))) last = last + "a";
        return first + " " + last;
    }

    static int cultureOfCountry(String country) {
        return switch (country) {
            case "RU" -> RUSSIAN;
            case "TR" -> TURKISH;
            case "IL" -> HEBREW;
            case "GB", "US", "FR", "DE", "BE", "NL", "CA", "AU", "IT", "CH", "SE" -> WESTERN;
            default -> ARAB;
        };
    }

    // ============================================================================================
    // Templates: literal text with {slot}s; [ and ] mark an optional shorter quote inside a sentence
    // ============================================================================================

    enum Slot {
        // filled from the claim (and response) being rendered
        C, C0, A, A0, AIT, AITS, B, X, R, RIT, RITS, PL, PS, TGT, TGTS, WPN, WPNA, ACFT, KILL, CASN, BYA, KIDS, KIDS2, H,
        DI, DIL, WD, SD, SWD, RSD, RWD, AG, WS, ACTG, ACTN, DEM, COND, CL, DENO, CTR, CONF, EP, EVID, INACC,
        // drawn at random
        party, party2, group, monitor, place, place2, gov, num, num2, bignum, month, year, weekday, date, ord, noise,
        weapons, target, targets, wsys, aircraft, city, country, resident, utility, aid, road, time, epithet, km, toll
    }

    static final Slot[] SLOTS = Slot.values();
    static final int FIRST_RANDOM = Slot.party.ordinal();
    static final int Q_OPEN = -1, Q_CLOSE = -2;

    static final class Tpl {
        final String[] lit;
        final int[] code;

        Tpl(String[] lit, int[] code) {
            this.lit = lit;
            this.code = code;
        }
    }

    static Tpl tpl(String s) {
        List<String> lit = new ArrayList<>();
        List<Integer> code = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '{') {
                int end = s.indexOf('}', i);
                lit.add(cur.toString());
                cur.setLength(0);
                code.add(Slot.valueOf(s.substring(i + 1, end)).ordinal());
                i = end;
            } else if (ch == '[' || ch == ']') {
                lit.add(cur.toString());
                cur.setLength(0);
                code.add(ch == '[' ? Q_OPEN : Q_CLOSE);
            } else {
                if (ch > 126) throw new IllegalStateException("non-ASCII template: " + s);
                cur.append(ch);
            }
        }
        lit.add(cur.toString());
        return new Tpl(lit.toArray(new String[0]), code.stream().mapToInt(Integer::intValue).toArray());
    }

    static Tpl[] tpls(String... s) {
        Tpl[] t = new Tpl[s.length];
        for (int i = 0; i < s.length; i++) t[i] = tpl(s[i]);
        return t;
    }

    /** Rendering context: the claim and response that fill the fixed slots, the random stream, the day. */
    static final class Ctx {
        ClaimData d;
        Resp rs;
        int clause;
        SplittableRandom r;
        int day;
        int qs, qe;
        int lastParty = -1;

        Ctx set(SplittableRandom r, int day, ClaimData d, Resp rs) {
            this.r = r;
            this.day = day;
            this.d = d;
            this.rs = rs;
            this.lastParty = -1;
            return this;
        }
    }

    /** Appends the template to sb with its first letter upper-cased; x.qs/x.qe get the [ ] marks (or -1). */
    void render(Tpl t, StringBuilder sb, Ctx x) {
        render(t, sb, x, true);
    }

    void render(Tpl t, StringBuilder sb, Ctx x, boolean top) {
        int start = sb.length();
        int qs = -1, qe = -1;
        int n = t.code.length;
        for (int i = 0; i < n; i++) {
            sb.append(t.lit[i]);
            int c = t.code[i];
            if (c == Q_OPEN) qs = sb.length();
            else if (c == Q_CLOSE) qe = sb.length();
            else if (c < FIRST_RANDOM) fixedSlot(SLOTS[c], sb, x);
            else randomSlot(SLOTS[c], sb, x);
        }
        sb.append(t.lit[n]);
        if (top) {
            x.qs = qs;
            x.qe = qe;
            for (int i = start; i < sb.length(); i++) {
                char ch = sb.charAt(i);
                if (ch >= 'a' && ch <= 'z') {
                    sb.setCharAt(i, (char) (ch - 32));
                    break;
                }
                if (ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') break;
            }
        }
    }

    String renderToString(Tpl t, Ctx x) {
        StringBuilder sb = new StringBuilder(128);
        render(t, sb, x);
        return sb.toString();
    }

    void randomSlot(Slot s, StringBuilder sb, Ctx x) {
        SplittableRandom r = x.r;
        switch (s) {
            case party -> {
                x.lastParty = organisationFrom(claimantOrder, r, -1);
                sb.append(ref[x.lastParty]);
            }
            case party2 -> sb.append(ref[organisationFrom(addressedOrder, r, x.lastParty)]);
            case group -> sb.append(ref[groups[groupRanks.sample(r)]]);
            case monitor -> sb.append(ref[monitors[monitorRanks.sample(r)]]);
            case place, place2 -> appendPlaceName(sb, samplePlace(r));
            case gov -> sb.append(GOVERNORATES[r.nextInt(GOVERNORATES.length)]);
            case num -> sb.append(2 + r.nextInt(60));
            case num2 -> sb.append(2 + r.nextInt(14));
            case km -> sb.append(2 + r.nextInt(40));
            case toll -> sb.append(100 + r.nextInt(1900));
            case bignum -> {
                int n = (10 + r.nextInt(3000)) * 100;
                int rest = n % 1000;
                sb.append(n / 1000).append(',').append(rest < 100 ? "0" : "").append(rest < 10 ? "0" : "").append(rest);
            }
            case month -> sb.append(MONTH_NAME[Math.max(0, x.day - r.nextInt(200))]);
            case year -> sb.append(Math.max(2011, YEAR[x.day] - r.nextInt(5)));
            case weekday -> sb.append(WEEKDAY[Math.max(0, x.day - r.nextInt(7))]);
            case date -> sb.append(LONG_DATE[Math.max(0, x.day - r.nextInt(40))]);
            case ord -> sb.append(pick(r, ORDINALS));
            case noise -> sb.append(pick(r, WEAPON_NOISE));
            case weapons -> sb.append(pick(r, WEAPONS_PLURAL));
            case target -> sb.append(TARGET_BARE[r.nextInt(TARGET_BARE.length)]);
            case targets -> sb.append(pick(r, TARGETS));
            case wsys -> sb.append(pick(r, WEAPON_SYSTEMS));
            case aircraft -> sb.append(pick(r, AIRCRAFT));
            case city -> sb.append(pick(r, CITIES));
            case country -> sb.append(pick(r, NEIGHBOURS));
            case resident -> {
                if (r.nextInt(3) == 0) sb.append(r.nextBoolean() ? "Abu " : "Umm ").append(pick(r, CULTURES[ARAB][0]));
                else sb.append(personName(r, r.nextInt(5) == 0 ? KURDISH : ARAB, r.nextBoolean()));
            }
            case utility -> sb.append(pick(r, UTILITIES));
            case aid -> sb.append(pick(r, AID));
            case road -> sb.append(pick(r, ROADS));
            case time -> sb.append(pick(r, TIMES));
            case epithet -> sb.append(pick(r, EPITHETS));
            default -> throw new IllegalStateException("slot {" + s + "} is not a random slot");
        }
    }

    /** A party drawn from a ranking that is not a person and not avoid. */
    int organisationFrom(int[] order, SplittableRandom r, int avoid) {
        int p = order[0];
        for (int t = 0; t < 20; t++) {
            p = order[partyRanks.sample(r)];
            if (p != avoid && (kindBit[p] & 128) == 0) return p;
        }
        return p != avoid ? p : order[order[0] == avoid ? 1 : 0];
    }

    static String it(int pron) {
        return pron == 1 ? "he" : pron == 2 ? "she" : "it";
    }

    static String its(int pron) {
        return pron == 1 ? "his" : pron == 2 ? "her" : "its";
    }

    /** Appends the value of a slot that comes from the claim (x.d) or the response (x.rs). */
    void fixedSlot(Slot s, StringBuilder sb, Ctx x) {
        ClaimData d = x.d;
        Resp rs = x.rs;
        switch (s) {
            case C -> {
                if (d.speaker >= 0) sb.append(name[d.claimant]).append(' ').append(roleShort[d.speaker]).append(' ').append(name[d.speaker]);
                else sb.append(ref[d.claimant]);
            }
            case C0 -> sb.append(ref[d.claimant]);
            case A -> sb.append(d.addressed >= 0 ? ref[d.addressed] : d.kind == K_ATTACK ? "unidentified aircraft" : "an unidentified party");
            case A0 -> sb.append(d.addressed >= 0 ? ref[d.addressed] : "the perpetrators");
            case AIT -> sb.append(d.addressed >= 0 ? it(pronoun[d.addressed]) : "they");
            case AITS -> sb.append(d.addressed >= 0 ? its(pronoun[d.addressed]) : "their");
            case B -> sb.append(d.third >= 0 ? ref[d.third] : "its allies");
            case PS -> appendPlaceName(sb, d.place);
            case PL -> appendPlacePhrase(sb, d.place);
            case TGT -> sb.append(TARGET[d.target]);
            case TGTS -> sb.append(TARGETS[d.target % TARGETS.length]);
            case WPNA -> sb.append(MEANS[d.means][0]);
            case WPN -> sb.append(MEANS[d.means][1]);
            case ACFT -> sb.append(MEANS[d.means][2]);
            case KILL -> {
                if (d.low < 0) break;
                sb.append(", killing ");
                if (d.low == d.high) sb.append(d.low).append(d.low == 1 ? " civilian" : " civilians");
                else sb.append("between ").append(d.low).append(" and ").append(d.high).append(" civilians");
            }
            case CASN -> {
                if (d.low < 0) sb.append("several");
                else if (d.low == d.high) sb.append("at least ").append(d.low);
                else sb.append("between ").append(d.low).append(" and ").append(d.high);
            }
            case KIDS -> {
                if (d.low >= 0 && d.kids > 0) sb.append(", including ").append(d.kids).append(d.kids == 1 ? " child" : " children");
            }
            case KIDS2 -> {
                if (d.low >= 0 && d.kids > 0) sb.append(", among them ").append(d.kids).append(d.kids == 1 ? " child," : " children,");
            }
            case H -> {
                if (d.low >= 0) sb.append(d.high);
                else sb.append("several");
            }
            case BYA -> {
                if (d.addressed >= 0) sb.append(" by ").append(ref[d.addressed]);
            }
            case DI -> sb.append(SHORT_DATE[d.iday]);
            case DIL -> sb.append(LONG_DATE[d.iday]);
            case WD -> sb.append(WEEKDAY[d.iday]);
            case SD -> sb.append(SHORT_DATE[d.day]);
            case SWD -> sb.append(WEEKDAY[d.day]);
            case AG -> sb.append(AGREEMENTS[d.agreement]);
            case WS -> sb.append(WEAPON_SYSTEMS[d.wsys]);
            case ACTG -> sb.append(BREACH_ACTIONS[d.action][0]);
            case ACTN -> sb.append(BREACH_ACTIONS[d.action][1]);
            case DEM -> sb.append(DEMANDS[d.demand][0]);
            case COND -> sb.append(DEMANDS[d.demand][1]);
            case CL -> {
                Tpl[] clauses = CLAUSES[d.kind][d.sub];
                render(clauses[x.clause % clauses.length], sb, x, false);
            }
            case DENO -> {
                switch (d.kind) {
                    case K_ATTACK, K_CASUALTIES -> {
                        sb.append("that ").append(rs == null ? "its" : its(pronoun[rs.party])).append(" forces had carried out any strike on ");
                        appendPlaceName(sb, d.place);
                    }
                    case K_COOPERATION -> {
                        sb.append("any coordination with ").append(d.third >= 0 ? ref[d.third] : "its allies").append(" over ");
                        appendPlaceName(sb, d.place);
                    }
                    case K_BREACH -> {
                        sb.append("any violation of ").append(AGREEMENTS[d.agreement]).append(" near ");
                        appendPlaceName(sb, d.place);
                    }
                    case K_CAPABILITY -> sb.append("any deployment of ").append(WEAPON_SYSTEMS[d.wsys]);
                    case K_THREAT -> {
                        sb.append("having threatened ");
                        appendPlaceName(sb, d.place);
                    }
                    default -> {
                        sb.append("any role in the events in ");
                        appendPlaceName(sb, d.place);
                    }
                }
            }
            case CONF -> {
                switch (d.kind) {
                    case K_ATTACK, K_CASUALTIES -> {
                        sb.append("that the ").append(MEANS[d.means][1]).append(" on ");
                        appendPlaceName(sb, d.place);
                        sb.append(" had taken place as reported");
                    }
                    case K_BREACH -> {
                        sb.append("that ").append(AGREEMENTS[d.agreement]).append(" had been breached near ");
                        appendPlaceName(sb, d.place);
                    }
                    case K_CAPABILITY -> {
                        sb.append("the presence of ").append(WEAPON_SYSTEMS[d.wsys]).append(" near ");
                        appendPlaceName(sb, d.place);
                    }
                    case K_THREAT -> {
                        sb.append("the warning about ");
                        appendPlaceName(sb, d.place);
                    }
                    default -> sb.append("the account given by ").append(ref[d.claimant]);
                }
            }
            case R -> {
                if (rs.speaker >= 0 && rs.variant % 2 == 0) sb.append(name[rs.party]).append(' ').append(roleShort[rs.speaker]).append(' ').append(name[rs.speaker]);
                else sb.append(ref[rs.party]);
            }
            case RIT -> sb.append(it(pronoun[rs.party]));
            case RITS -> sb.append(its(pronoun[rs.party]));
            case X -> sb.append(rs.x >= 0 ? ref[rs.x] : "others");
            case CTR -> {
                String xp = rs.x >= 0 ? ref[rs.x] : "others";
                if (d.kind == K_ATTACK || d.kind == K_CASUALTIES) {
                    sb.append("the ").append(MEANS[d.means][1]).append(" on ");
                    appendPlaceName(sb, d.place);
                    sb.append(" had been carried out by ").append(xp);
                } else {
                    sb.append(xp).append(" was responsible for what happened in ");
                    appendPlaceName(sb, d.place);
                }
            }
            case RSD -> sb.append(SHORT_DATE[rs.day]);
            case RWD -> sb.append(WEEKDAY[rs.day]);
            case EP -> sb.append(EPITHETS[rs.variant % EPITHETS.length]);
            case EVID -> sb.append(EVIDENCE[rs.variant % EVIDENCE.length]);
            case INACC -> sb.append(INACCURATE[rs.variant % INACCURATE.length]);
            default -> throw new IllegalStateException("slot {" + s + "} has no value");
        }
    }

    // Claim sentences: a framing around a clause; the clause is the shorter quote.
    static final Tpl[] FRAMES = tpls(
            "{C} said [{CL}].",
            "According to {C}, [{CL}].",
            "{C} alleged on {SWD} that [{CL}].",
            "[{CL}], {C} said in a statement.",
            "In a statement published on {SD}, {C} said [{CL}].",
            "{C} told reporters that [{CL}].",
            "\"[{CL}],\" {C} said.",
            "{C} claimed that [{CL}], a charge that could not be independently verified.");

    static final int K_ATTACK = 0, K_CASUALTIES = 1, K_COOPERATION = 2, K_BREACH = 3, K_CAPABILITY = 4, K_THREAT = 5, K_OTHER = 6;
    static final String[] CLAIM_KINDS = {"attack_attribution", "casualties", "cooperation", "agreement_breach",
        "capability", "threat", "other"};
    static final double[] KIND_CUM = cumulative(40, 18, 10, 10, 8, 7, 7);
    static final double[] NO_ADDRESSED = {0.05, 0.5, 0, 0, 0, 0, 0.3};
    static final int[] SUBKINDS = {1, 1, 4, 1, 2, 1, 3};

    /** Propositions by kind and sub-kind. */
    static final Tpl[][] PROPOSITIONS = {
        tpls("{A} carried out {WPNA} on {TGT} in {PL} on {DIL}{KILL}."),
        tpls("{WPNA}{BYA} on {TGT} in {PL} on {DIL} killed {CASN} civilians{KIDS}."),
        tpls("{A} shared the coordinates of targets near {PS} with {B} ahead of the strikes of {DIL}.",
             "{A} coordinated {AITS} operations around {PS} with {B}.",
             "{A} supplied {WS} to {B}.",
             "{A} allowed {B} to use {AITS} airspace to reach {PS}."),
        tpls("{A} violated {AG} by {ACTG} near {PS} on {DIL}."),
        tpls("{A} has deployed {WS} to {PL}.", "{A} possesses {WS}."),
        tpls("{A} threatened to strike {TGTS} in {PL} unless {DEM}."),
        tpls("{A} did not notify {C0} in advance of the strikes near {PS} on {DIL}, as {AG} requires.",
             "{A} staged the attack on {PS} on {DIL} to blame {B}.",
             "{A} fabricated the footage of the strike on {PS} published on {DIL}.",
             "The humanitarian corridor from {PS} was closed on {DIL}, trapping {CASN} civilians."),
    };
    /** Reported clauses by kind and sub-kind (variants). */
    static final Tpl[][][] CLAUSES = {
        {tpls("{A} had carried out {WPNA} on {TGT} in {PL} on {WD}{KILL}",
              "{ACFT} belonging to {A} had struck {TGT} in {PL} on {DI}{KILL}",
              "{A} was responsible for the {WPN} on {TGT} in {PS} on {DI}{KILL}")},
        {tpls("{CASN} civilians{KIDS2} had been killed when {WPNA}{BYA} hit {TGT} in {PL} on {WD}",
              "the {WPN}{BYA} on {PS} on {DI} had killed {CASN} people, most of them civilians",
              "the death toll from the {WPN} on {TGT} in {PS} had risen to {H}")},
        {tpls("{A} had passed the coordinates of targets near {PS} to {B} before the strikes of {DI}",
              "{B} had received target coordinates for {PS} from {A}"),
         tpls("{A} and {B} had coordinated their operations around {PS}",
              "{A} had coordinated {AITS} operations around {PS} with {B}"),
         tpls("{A} had supplied {WS} to {B}", "{B} had received {WS} from {A}"),
         tpls("{A} had allowed {B} to use {AITS} airspace to reach {PS}",
              "{B} had flown through the airspace of {A} on the way to {PS}")},
        {tpls("{A} had violated {AG} by {ACTG} near {PS} on {DI}",
              "the {ACTN} near {PS} on {DI} was a clear breach of {AG} by {A}")},
        {tpls("{A} had moved {WS} to {PL}", "satellite images showed {WS} belonging to {A} near {PS}"),
         tpls("{A} still possessed {WS}", "{A} had acquired {WS} despite {AITS} denials")},
        {tpls("{A} had threatened to strike {TGTS} in {PL} unless {DEM}",
              "{A} had warned that {AIT} would hit {TGTS} in {PS} if {COND}")},
        {tpls("{A} had not informed {C0} in advance of the strikes near {PS} on {DI}",
              "{A} had ignored {AG} by failing to give notice of the strikes near {PS}"),
         tpls("the attack on {PS} had been staged by {A} in order to blame {B}",
              "{A} had staged the attack on {PS} to put the blame on {B}"),
         tpls("{A} had fabricated the footage of the strike on {PS}",
              "the footage of the strike on {PS} had been faked by {A}"),
         tpls("the humanitarian corridor from {PS} had been closed since {DI}, trapping {CASN} civilians",
              "{CASN} civilians were trapped in {PS} after the corridor was closed on {DI}")},
    };
    static final Tpl[][] CLAIM_TITLES = {
        tpls("{C0} accuses {A0} of strike on {PS}", "{A0} blamed for {WPN} on {PS}", "Deadly {WPN} hits {PS}, {C0} says"),
        tpls("{CASN} civilians killed in {PS}, {C0} says", "Death toll from {PS} {WPN} rises to {H}"),
        tpls("{C0} says {A0} worked with {B} near {PS}", "{C0} alleges collusion between {A0} and {B}"),
        tpls("{C0} accuses {A0} of breaching {AG}", "{AG} under strain after fighting near {PS}"),
        tpls("{C0} says {A0} has {WS}", "{C0} points to {WS} in the hands of {A0}"),
        tpls("{A0} threatens strikes on {PS}, {C0} says", "Tension rises around {PS} after warning by {A0}"),
        tpls("Row over {PS} deepens as {C0} blames {A0}", "{C0} gives its version of what happened in {PS}"),
    };

    static final int ASSERTS = 0, CONFIRMS = 1, PARTIALLY = 2, ACKNOWLEDGES = 3, ASSESSING = 4, DENIES = 5,
            COUNTER = 6, DECLINES = 7, RETRACTS = 8;
    static final String[] STANCES = {"asserts", "confirms", "partially_confirms", "acknowledges", "assessing",
        "denies", "counter_attributes", "declines_comment", "retracts"};
    //                                           asrt conf part ackn asse deny cntr decl retr
    static final double[] FIRST_ADDRESSED = cumulative(0, .06, .05, .05, .25, .34, .10, .15, 0);
    static final double[] THIRD_PARTY = cumulative(0, .28, .11, .04, .23, .15, .08, .11, 0);
    static final double[][] FOLLOW_UP = {
        null,
        cumulative(0, .35, .2, .25, 0, .2, 0, 0, 0),      // after confirms
        cumulative(0, .2, .35, .2, 0, .25, 0, 0, 0),      // after partially_confirms
        cumulative(0, .25, .2, .35, 0, .2, 0, 0, 0),      // after acknowledges
        cumulative(0, .08, .12, .15, .15, .42, .03, .05, 0), // after assessing
        cumulative(0, 0, .07, .08, 0, .55, .25, .05, 0),  // after denies
        cumulative(0, 0, 0, .05, 0, .5, .4, .05, 0),      // after counter_attributes
        cumulative(0, 0, 0, 0, .25, .45, .1, .2, 0),      // after declines_comment
        null,
    };
    static final Tpl[][] RESPONSE_SENTENCES = {
        tpls("[{R} repeated {RITS} accusation against {A0}], saying {RIT} had {EVID}.",
             "{R} said on {RWD} that [{RIT} stood by {RITS} account of the events in {PS}].",
             "[{R} insisted that {RITS} information about {PS} was accurate]."),
        tpls("[{R} confirmed {CONF}].",
             "{R} said [{RITS} own findings matched the account of {C0}] about {PS}.",
             "In a statement on {RSD}, [{R} confirmed {CONF}]."),
        tpls("[{R} confirmed that {RIT} had conducted operations near {PS} on {DI}] but said no civilians had been harmed.",
             "{R} said [{RIT} had struck positions near {PS}], but rejected the figures given by {C0}.",
             "[{R} acknowledged part of the account of {C0}], while disputing its details."),
        tpls("[{R} acknowledged that {RITS} operation near {PS} had \"likely\" caused civilian casualties].",
             "[{R} admitted that {RIT} had been responsible] for the events in {PS} and said {RIT} regretted the loss of life.",
             "In a report published on {RSD}, [{R} acknowledged {CONF}]."),
        tpls("{R} said [{RIT} was looking into the reports from {PS}] and would publish {RITS} findings.",
             "[{R} said {RIT} had opened an inquiry into the incident in {PS}].",
             "A statement from {R} said [the allegation regarding {PS} was being reviewed]."),
        tpls("{R} denied [{DENO}], calling the allegation \"{EP}\".",
             "[{R} categorically rejected the claim by {C0}], saying it was \"{EP}\".",
             "{R} said in a statement that [the accusation concerning {PS} was \"{EP}\"].",
             "\"[These claims are {EP}],\" {R} said of the accusations over {PS}."),
        tpls("{R} said [{CTR}].",
             "[{R} blamed {X}] for what happened in {PS}.",
             "According to {R}, [{CTR}], not {RITS} own forces."),
        tpls("[{R} declined to comment] on the reports from {PS}.",
             "Asked about the allegation, [{R} said {RIT} did not comment on operational matters].",
             "[{R} did not respond to requests for comment] about {PS}."),
        tpls("[{R} withdrew {RITS} earlier statement about {PS}], saying the information had been {INACC}.",
             "[{R} said {RITS} earlier report on {PS} had been mistaken] and apologised for the error."),
    };
    static final Tpl[][] RESPONSE_TITLES = {
        tpls("{R} stands by {PS} claims"), tpls("{R} confirms account of {PS} events"),
        tpls("{R} partly confirms {PS} account"), tpls("{R} admits responsibility over {PS}"),
        tpls("{R} reviewing reports from {PS}"), tpls("{R} denies role in {PS} events", "{R} rejects {PS} accusation"),
        tpls("{R} blames {X} for {PS} attack"), tpls("{R} silent on {PS} allegations"),
        tpls("{R} withdraws claim over {PS}"),
    };
    static final Tpl[] GENERIC_TITLES = tpls("Fighting escalates around {place}", "Aid agencies warn of worsening crisis in {gov}",
            "Thousands flee {place} as offensive widens", "{party} and {party2} trade accusations over {place}",
            "Talks in {city} end without agreement", "Analysis: what next for {gov}?",
            "Residents of {place} count the cost of the {ord} week of bombardment", "Front line shifts near {place}");

    /** Background sentences. */
    static final Tpl[] FILLERS = tpls(
            "Fighting between {group} and {party2} continued on the outskirts of {place} for a {ord} day.",
            "Residents of {place} said they had heard {noise} through the night and that several buildings near the {target} had collapsed.",
            "{monitor}, which relies on a network of sources on the ground, put the death toll at {num}.",
            "More than {bignum} people have fled {place} since {month}, according to the United Nations.",
            "Aid agencies warned that the {target} in {place} was the last one still operating in the area.",
            "{party} has not published any details of its operations in {gov} province since {month} {year}.",
            "The road between {place} and {place2} has been cut since {month}, leaving villages to the east without fuel.",
            "Footage shared on social media appeared to show smoke rising over {place}, though it could not be independently verified.",
            "It was not possible to reach officials of {party2} for comment.",
            "The area around {place} has changed hands several times since {year}.",
            "Analysts said {wsys} would give {party2} a significant advantage.",
            "Local activists said {num} families had taken shelter in olive groves outside {place}.",
            "The claims could not be independently verified.",
            "Prices of bread and fuel in {place} have tripled since {month}, residents said.",
            "A doctor at a field hospital in {place} said staff had treated {num} wounded, most of them women and children.",
            "{group} fighters were reported to have withdrawn from {place} toward {place2} after days of heavy bombardment.",
            "Talks in {city} between representatives of {party} and {party2} ended without agreement on {date}.",
            "Satellite images taken on {date} show craters near the {target} on the edge of {place}.",
            "{party} said in a statement on {weekday} that it would continue its operations \"until the last terrorist has been eliminated\".",
            "{gov} has been among the most heavily bombed areas of the country.",
            "The number of civilians killed in {gov} since the start of the year has risen to {toll}, according to {monitor}.",
            "Electricity and water supplies to {place} were cut after the strike on the {utility}.",
            "Earlier this month, {party} accused {party2} of deliberately targeting {targets}.",
            "The UN Security Council is due to discuss the situation in {gov} on {weekday}.",
            "According to witnesses, the first strike hit shortly after {time}, followed by a second about {num} minutes later.",
            "Rescuers worked through the night to pull survivors from the rubble in {place}.",
            "{monitor} said it had documented {num} attacks on {targets} in {gov} in {year}.",
            "Neither account could be verified, as access for independent journalists to {gov} remains severely restricted.",
            "The front line now runs just {km} kilometres south of {place}.",
            "{resident}, a resident of {place}, said: \"We have nowhere left to go.\"",
            "Convoys carrying {aid} reached {place} on {date} for the first time in {num2} months.",
            "The offensive on {place} began on {date}.",
            "{party} and {party2} have traded accusations over {place} for weeks.",
            "A ceasefire announced in {month} {year} collapsed within days.",
            "Military sources said {num} {aircraft} sorties had been flown over {gov} in the past {num2} days.",
            "The {target} had been hit at least {num2} times since {year}, according to local medics.",
            "Several of the wounded were taken across the border to hospitals in {country}.",
            "Drone footage released on {weekday} showed columns of vehicles moving along the {road} toward {place}.",
            "{resident}, who runs a bakery in {place}, said flour deliveries had stopped in {month}.",
            "Human rights groups have repeatedly accused {party2} of using {weapons} in populated areas.",
            "{party2} has denied using {weapons} in the past.",
            "A spokesperson for {party} said the situation around {place} was \"under control\".",
            "The strike came hours after {group} fighters attacked positions held by {party2} near {place2}.",
            "Schools in {place} have been closed since {month} because of the shelling.",
            "The {road} has been the scene of repeated ambushes since {year}.",
            "Officials in {city} said they were following the situation in {gov} closely.",
            "In {month} {year}, a similar attack on {place} killed {num} people.",
            "The latest figures bring the number of people displaced from {gov} this year to {bignum}.",
            "Mobile phone networks in {place} were down for much of the day, making it difficult to confirm the number of casualties.",
            "Civil defence teams said {num2} of their volunteers had been wounded since {month}.");


    // ============================================================================================
    // Model
    // ============================================================================================

    // outlets
    String[] outletName, outletDomain, outletCountry, outletKind, outletNotes;
    int[] outletStaff;
    int[] wireOutlets;

    // parties
    int partyCount;
    String[] name, kind, ref, description, role, roleShort;
    String[][] aliases;
    int[] parent, root, pronoun;
    int[][] speakers;
    int[] claimantOrder, addressedOrder, groups, monitors;
    Dist partyRanks, groupRanks, monitorRanks, outletRanks, townRanks;

    // articles
    int[] articleDay, articleOutlet;
    String[] articleUrl;
    int lastArticleDay;
    final HashMap<Integer, Integer> articleAttempt = new HashMap<>();

    // quotes: ids 0..sourceCount-1 are claim sources, sourceCount.. are responses
    int sourceCount, quoteCount;
    int[] claimSrcStart, respStart, quoteArticle, quoteOffset, quoteLength;
    int[] articleQuoteStart, articleQuotes;
    int[] claimDay, claimClaimant, claimAddressed;
    int[] ccStart, ccList; // claims by claimant, sorted by day

    ExecutorService pool;
    final long t0 = System.nanoTime();

    void run() throws IOException {
        Path dir = Paths.get(outDir);
        Files.createDirectories(dir);
        initCalendar();
        buildOutlets();
        buildParties();
        planArticles();
        planClaims();
        planResponses();
        indexQuotes();
        log(String.format("plan ready: %,d quotes in %,d articles (%.1f s)", quoteCount, nArticles, secs()));
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "generate-worker");
            t.setDaemon(true);
            return t;
        });
        long[] bytes = new long[5];
        bytes[0] = writeOutlets(dir.resolve("outlets.jsonl"));
        bytes[1] = writeParties(dir.resolve("parties.jsonl"));
        bytes[2] = writeArticles(dir.resolve("articles.jsonl"));
        bytes[3] = writeClaims(dir.resolve("claims.jsonl"));
        bytes[4] = writeResponses(dir.resolve("responses.jsonl"));
        summary(bytes);
    }

    double secs() {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void log(String s) {
        System.err.println(s);
    }

    // ============================================================================================
    // Outlets
    // ============================================================================================

    static final String[] OUTLET_REGION = {"Levant", "Euphrates", "Orontes", "Tigris", "Mashriq", "Gulf",
        "Mediterranean", "Anatolian", "Caucasus", "Middle East", "Near East", "Arab", "Eastern", "Northern",
        "Global", "World", "International", "Continental", "Atlantic", "Bosphorus", "Cedar", "Desert", "Crescent",
        "Frontline", "Independent", "Meridian", "Horizon", "Compass", "Harbour", "Citadel", "Riverside", "Capital"};
    static final String[] OUTLET_NOUN = {"Times", "Post", "Herald", "Monitor", "Observer", "Tribune", "Chronicle",
        "Gazette", "Dispatch", "Review", "Journal", "Telegraph", "Courier", "Report", "Insider", "Digest",
        "Bulletin", "Express", "Sentinel", "Standard", "Eye", "Voice", "Press", "News", "Today", "Mirror", "Record",
        "Ledger", "Beacon", "Star"};
    static final String[] BLOG_WORDS = {"Ground Truth", "Open Source", "Fog of War", "Frontline", "Long War",
        "Sandstorm", "Red Line", "Checkpoint", "Crossfire", "Ceasefire", "Airspace", "Deconfliction", "Border",
        "Field", "Signal", "Grid", "Map Room", "Sitrep"};
    static final String[] OUTLET_COUNTRIES = {"GB", "GB", "US", "US", "US", "FR", "DE", "LB", "LB", "TR", "AE",
        "QA", "JO", "IL", "RU", "BE", "NL", "CA", "AU", "IT", "CH", "SE", "SY", "IQ", "EG"};

    static String tld(String country, String kind) {
        switch (country) {
            case "GB": return "co.uk";
            case "FR": return "fr";
            case "DE": return "de";
            case "RU": return "ru";
            case "TR": return "com.tr";
            case "BE": return "be";
            case "NL": return "nl";
            case "LB": return "com.lb";
            case "IL": return "co.il";
            case "CA": return "ca";
            case "AU": return "com.au";
            case "CH": return "ch";
            case "IT": return "it";
            case "SE": return "se";
            default: return kind.equals("monitor_ngo") ? "org" : kind.equals("blog") ? "net" : "com";
        }
    }

    void buildOutlets() {
        int n = nOutlets;
        outletName = new String[n];
        outletDomain = new String[n];
        outletCountry = new String[n];
        outletKind = new String[n];
        outletNotes = new String[n];
        outletStaff = new int[n];
        HashSet<String> names = new HashSet<>(), domains = new HashSet<>();
        double[] kindCum = cumulative(62, 8, 10, 12, 8);
        String[] kinds = {"news_site", "wire_agency", "state_media", "blog", "monitor_ngo"};
        List<Integer> wires = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            SplittableRandom r = rng(S_OUTLET, o);
            String k = kinds[o < 2 ? 1 : o < 4 ? 0 : draw(r, kindCum)];
            String country = pick(r, OUTLET_COUNTRIES);
            String nm = null;
            for (int attempt = 0; nm == null; attempt++) {
                String candidate;
                switch (k) {
                    case "wire_agency" -> candidate = switch (r.nextInt(3)) {
                        case 0 -> pick(r, OUTLET_REGION) + " News Agency";
                        case 1 -> pick(r, OUTLET_REGION) + " Press Agency";
                        default -> pick(r, CITIES) + " Wire";
                    };
                    case "state_media" -> {
                        String[] st = STATES[r.nextInt(20)].split("\\|");
                        country = st[3];
                        candidate = st[1] + switch (r.nextInt(4)) {
                            case 0 -> " State Television";
                            case 1 -> " National News Agency";
                            case 2 -> " Broadcasting Corporation";
                            default -> " Public Radio";
                        };
                    }
                    case "blog" -> candidate = switch (r.nextInt(4)) {
                        case 0 -> pick(r, BLOG_WORDS) + " Notes";
                        case 1 -> "The " + pick(r, BLOG_WORDS) + " Blog";
                        case 2 -> pick(r, BLOG_WORDS) + " Dispatches";
                        default -> "Notes from " + pick(r, CITIES);
                    };
                    case "monitor_ngo" -> candidate = switch (r.nextInt(3)) {
                        case 0 -> pick(r, OUTLET_REGION) + " Conflict Monitor";
                        case 1 -> pick(r, OUTLET_REGION) + " Airstrike Tracker";
                        default -> pick(r, CITIES) + " Documentation Project";
                    };
                    default -> candidate = (r.nextBoolean() ? "The " : "")
                            + (r.nextInt(4) == 0 ? pick(r, CITIES) : pick(r, OUTLET_REGION)) + " " + pick(r, OUTLET_NOUN);
                }
                if (attempt > 20) candidate = candidate + " " + (attempt - 19);
                if (names.add(candidate.toLowerCase(Locale.ROOT))) nm = candidate;
            }
            String base = nm.toLowerCase(Locale.ROOT).replaceFirst("^the ", "").replaceAll("[^a-z0-9]+", k.equals("blog") ? "-" : "");
            base = base.replaceAll("^-+|-+$", "");
            String domain = base + "." + tld(country, k);
            for (int i = 2; !domains.add(domain); i++) domain = base + i + "." + tld(country, k);
            outletName[o] = nm;
            outletDomain[o] = domain;
            outletCountry[o] = country;
            outletKind[o] = k;
            outletStaff[o] = 3 + r.nextInt(k.equals("blog") ? 3 : 40);
            outletNotes[o] = r.nextInt(5) == 0 ? pick(r, new String[] {"Publishes in English and Arabic.",
                "Relies heavily on local stringers.", "Often republishes wire copy.", "Paywalled since 2019.",
                "Editorial line close to its government."}) : null;
            if (k.equals("wire_agency")) wires.add(o);
        }
        wireOutlets = wires.stream().mapToInt(Integer::intValue).toArray();
        outletRanks = Dist.zipf(n, 1.0);
    }

    String staffName(int outlet, int k) {
        SplittableRandom r = rng(S_STAFF, outlet * 1000L + k);
        int culture = r.nextInt(4) == 0 ? r.nextInt(CULTURES.length) : cultureOfCountry(outletCountry[outlet]);
        return personName(r, culture, r.nextInt(3) == 0);
    }

    // ============================================================================================
    // Parties
    // ============================================================================================

    final List<String> pName = new ArrayList<>(), pKind = new ArrayList<>(), pRef = new ArrayList<>(),
            pDesc = new ArrayList<>(), pRole = new ArrayList<>(), pRoleShort = new ArrayList<>();
    final List<List<String>> pAliases = new ArrayList<>();
    final List<Integer> pParent = new ArrayList<>(), pPronoun = new ArrayList<>();
    final HashSet<String> usedNames = new HashSet<>();
    final HashMap<String, Integer> byName = new HashMap<>();

    static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** Adds a party unless the name is taken; aliases that are taken are dropped. Returns its index or -1. */
    int addParty(String nm, String k, int par, List<String> als, boolean the, String desc, int pron, String roleLong, String roleShortName) {
        if (pName.size() >= nParties) return -1;
        if (usedNames.contains(key(nm))) return -1;
        usedNames.add(key(nm));
        List<String> kept = new ArrayList<>();
        for (String a : als) {
            if (!a.isBlank() && usedNames.add(key(a))) kept.add(a);
        }
        int idx = pName.size();
        pName.add(nm);
        pKind.add(k);
        pParent.add(par);
        pAliases.add(kept);
        pRef.add(the ? "the " + nm : nm);
        pDesc.add(desc);
        pPronoun.add(pron);
        pRole.add(roleLong);
        pRoleShort.add(roleShortName);
        byName.put(key(nm), idx);
        return idx;
    }

    int partyIndex(String nm) {
        Integer i = byName.get(key(nm));
        return i == null ? -1 : i;
    }

    static String describe(String k, String nm, String parentName, SplittableRandom r) {
        String gov = pick(r, GOVERNORATES);
        return switch (k) {
            case "state" -> "State; party to the conflict in Syria or to the diplomacy around it.";
            case "government_body" -> parentName != null ? "Government body of " + parentName + "." : "Local authority in " + gov + ".";
            case "armed_force" -> "Regular military force" + (parentName != null ? " under " + parentName : "") + ".";
            case "armed_group" -> "Armed group active in " + gov + " since " + (2011 + r.nextInt(10)) + "."
                    + (parentName != null ? " Part of " + parentName + "." : "");
            case "coalition" -> "Alliance of states or armed groups; members are recorded as memberships.";
            case "monitor_ngo" -> "Monitoring and documentation organisation reporting on " + gov + " and beyond.";
            case "media_outlet" -> "Publisher, recorded as a party where its own statements are claims.";
            default -> null;
        };
    }

    void buildParties() {
        SplittableRandom r = rng(S_PARTY, 0);
        HashMap<String, String[]> states = new HashMap<>();
        for (String s : STATES) states.put(s.split("\\|")[0], s.split("\\|"));
        // head
        for (String row : HEAD) {
            String[] f = row.split("\\|", -1);
            int par = f[2].isEmpty() ? -1 : partyIndex(f[2]);
            if (!f[2].isEmpty() && par < 0) continue; // parent cut off
            List<String> als = new ArrayList<>();
            if (f[1].equals("state")) als.addAll(Arrays.asList(states.get(f[0])[2].split(";")));
            else if (!f[3].isEmpty()) als.addAll(Arrays.asList(f[3].split(";")));
            addParty(f[0], f[1], par, als, f[4].equals("1"), describe(f[1], f[0], par < 0 ? null : pName.get(par), r), 0, null, null);
        }
        // the remaining states and their bodies, interleaved with synthetic parties
        List<String[]> stateQueue = new ArrayList<>();
        for (int i = 0; i < STATES.length; i++) {
            String[] s = STATES[i].split("\\|");
            if (partyIndex(s[0]) < 0) stateQueue.add(new String[] {s[0], "state", "", s[2], "0"});
        }
        for (int i = STATES_WITH_CUSTOM_BODIES; i < STATES.length; i++) {
            String[] s = STATES[i].split("\\|");
            String dem = s[1];
            stateQueue.add(new String[] {dem + " Ministry of Defence", "government_body", s[0], dem + " Defence Ministry", "1"});
            stateQueue.add(new String[] {dem + " Ministry of Foreign Affairs", "government_body", s[0], dem + " Foreign Ministry", "1"});
            stateQueue.add(new String[] {dem + " Armed Forces", "armed_force", dem + " Ministry of Defence", "", "1"});
            stateQueue.add(new String[] {dem + " Air Force", "armed_force", dem + " Armed Forces", "", "1"});
        }
        int q = 0;
        int guard = 0;
        while (pName.size() < nParties) {
            if (++guard > nParties * 50 + 100000) throw new IllegalStateException("cannot find unique party names");
            if (q < stateQueue.size() && r.nextInt(10) == 0) {
                String[] f = stateQueue.get(q++);
                int par = f[2].isEmpty() ? -1 : partyIndex(f[2]);
                if (!f[2].isEmpty() && par < 0) continue;
                List<String> als = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(";"));
                addParty(f[0], f[1], par, als, f[4].equals("1"), describe(f[1], f[0], par < 0 ? null : pName.get(par), r), 0, null, null);
                continue;
            }
            syntheticParty(r);
        }
        finishParties();
    }

    static String acronym(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split("[ -]")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) b.append(w.charAt(0));
        }
        return b.length() >= 2 ? b.toString() : "";
    }

    /** A random existing non-person party, weighted towards the prominent (earlier) ones. */
    int organisation(SplittableRandom r, String... kinds) {
        int n = pName.size();
        for (int t = 0; t < 60; t++) {
            int i = (int) (n * StrictMath.pow(r.nextDouble(), 2.5));
            String k = pKind.get(i);
            if (k.equals("person")) continue;
            if (kinds.length == 0) return i;
            for (String want : kinds) if (want.equals(k)) return i;
        }
        return -1;
    }

    /** The culture of the names of a party's people: from its root party, else mostly Arab. */
    int cultureOf(int p, SplittableRandom r) {
        int q = p;
        while (pParent.get(q) >= 0) q = pParent.get(q);
        String rootName = pName.get(q);
        for (String[] c : CULTURE_OF_ROOT) if (c[0].equals(rootName)) return Integer.parseInt(c[1]);
        return r.nextInt(8) == 0 ? KURDISH : ARAB;
    }

    int umbrella(SplittableRandom r) {
        String[] umbrellas = {"Syrian National Army", "Syrian Democratic Forces", "Free Syrian Army", "National Defence Forces",
            "Hayat Tahrir al-Sham", "Popular Mobilization Forces", "National Front for Liberation", "Islamic State"};
        return partyIndex(pick(r, umbrellas));
    }

    void syntheticParty(SplittableRandom r) {
        double u = r.nextDouble();
        String town = TOWNS[r.nextInt(TOWNS.length)].split("\\|")[0];
        String place = r.nextInt(3) == 0 ? villageName(r.nextInt(VILLAGE_PREFIX.length * VILLAGE_ROOT.length)) : town;
        String gov = pick(r, GOVERNORATES);
        if (u < 0.36) { // person
            boolean female = r.nextInt(4) == 0;
            int par = r.nextInt(10) == 0 ? -1 : organisation(r);
            int culture = par < 0 ? (r.nextBoolean() ? WESTERN : ARAB) : cultureOf(par, r);
            String nm = personName(r, culture, female);
            for (int t = 0; t < 30 && usedNames.contains(key(nm)); t++) {
                nm = t < 10 ? personName(r, culture, female)
                        : nm.substring(0, nm.indexOf(' ')) + " " + (char) ('A' + r.nextInt(26)) + "." + nm.substring(nm.indexOf(' '));
            }
            if (usedNames.contains(key(nm))) return;
            if (par < 0) {
                addParty(nm, "person", -1, List.of(), false, "Independent analyst quoted on the Syrian conflict.", female ? 2 : 1, null, null);
                return;
            }
            String[][] roles = switch (pKind.get(par)) {
                case "armed_group" -> new String[][] {{"spokesperson for", "spokesperson"}, {"the commander of", "commander"},
                    {"a senior commander of", "commander"}};
                case "armed_force" -> new String[][] {{"spokesperson for", "spokesperson"}, {"a commander of", "commander"}};
                case "monitor_ngo" -> new String[][] {{"the director of", "director"}, {"a researcher at", "researcher"},
                    {"spokesperson for", "spokesperson"}};
                case "media_outlet" -> new String[][] {{"the editor of", "editor"}, {"a correspondent for", "correspondent"}};
                default -> new String[][] {{"spokesperson for", "spokesperson"}, {"a senior official of", "official"},
                    {"an adviser to", "adviser"}};
            };
            String[] role = pick(r, roles);
            List<String> als = new ArrayList<>();
            if (pKind.get(par).equals("armed_group") && r.nextInt(3) == 0) als.add("Abu " + pick(r, CULTURES[ARAB][0]) + " al-" + pick(r, CULTURES[ARAB][2]));
            String desc = Character.toUpperCase(role[0].charAt(0)) + role[0].substring(1) + " " + pRef.get(par) + ".";
            addParty(nm, "person", par, als, false, desc, female ? 2 : 1, role[0], role[1]);
            return;
        }
        String nm;
        String k;
        int par = -1;
        boolean the = true;
        if (u < 0.66) {
            k = "armed_group";
            switch (r.nextInt(10)) {
                case 0 -> { nm = "Liwa " + pick(r, ARABIC_WORDS); the = false; }
                case 1 -> { nm = "Jaish " + pick(r, ARABIC_WORDS); the = false; }
                case 2 -> { nm = "Harakat " + pick(r, ARABIC_WORDS); the = false; }
                case 3 -> { nm = "Kataib " + pick(r, ARABIC_WORDS); the = false; }
                case 4 -> nm = place + " Martyrs Brigade";
                case 5 -> nm = place + " Military Council";
                case 6 -> nm = place + " Revolutionaries Brigade";
                case 7 -> { nm = ordinal(1 + r.nextInt(40)) + " Division"; par = partyIndex("Syrian National Army"); }
                case 8 -> nm = place + " Tribal Forces";
                default -> { nm = "Sons of " + place + " Battalion"; }
            }
            if (par < 0 && r.nextInt(4) == 0) par = umbrella(r);
        } else if (u < 0.76) {
            k = "government_body";
            switch (r.nextInt(4)) {
                case 0 -> nm = place + " Local Council";
                case 1 -> { nm = gov + " Governorate Council"; par = partyIndex("Syria"); }
                case 2 -> {
                    String[] s = STATES[r.nextInt(STATES.length)].split("\\|");
                    String city = pick(r, CITIES);
                    if (s[2].contains(city) || s[0].equals("Syria") && city.equals("Damascus")) return;
                    nm = s[1] + " Embassy in " + city;
                    par = partyIndex(s[0]);
                }
                default -> {
                    String[] s = STATES[STATES_WITH_CUSTOM_BODIES + r.nextInt(12)].split("\\|");
                    nm = s[1] + " Ministry of " + pick(r, MINISTRIES);
                    par = partyIndex(s[0]);
                }
            }
        } else if (u < 0.85) {
            k = "monitor_ngo";
            switch (r.nextInt(6)) {
                case 0 -> nm = place + " Media Center";
                case 1 -> nm = place + " Coordination Committee";
                case 2 -> nm = place + " Documentation Network";
                case 3 -> { nm = town + " 24"; the = false; }
                case 4 -> { nm = place + " Civil Defence Centre"; par = partyIndex("Syria Civil Defence"); }
                default -> nm = gov + " Human Rights Observatory";
            }
        } else if (u < 0.93) {
            k = "armed_force";
            int force = organisation(r, "armed_force");
            if (force < 0 || Character.isDigit(pName.get(force).charAt(0))) force = partyIndex("Syrian Arab Army");
            if (force < 0) return;
            String unit = pName.get(force).contains("Air") ? pick(r, AIR_UNIT_TYPES) : pick(r, UNIT_TYPES);
            nm = ordinal(1 + r.nextInt(160)) + " " + unit + " of " + pRef.get(force);
            par = force;
        } else if (u < 0.96) {
            k = "coalition";
            switch (r.nextInt(3)) {
                case 0 -> nm = place + " Operations Room";
                case 1 -> nm = pick(r, FRONT_ADJ) + " Front";
                default -> nm = "Coalition of " + place + " Factions";
            }
        } else {
            k = "media_outlet";
            int o = r.nextInt(nOutlets);
            nm = r.nextInt(3) > 0 ? outletName[o] : place + " News Network";
            the = !nm.startsWith("The ");
            if (nm.startsWith("The ")) the = false;
        }
        if (usedNames.contains(key(nm))) {
            if (r.nextInt(10) > 0 || k.equals("media_outlet")) return; // draw another party instead
            String base = nm;
            for (int i = 2; usedNames.contains(key(nm)); i++) nm = base + " " + roman(i);
        }
        List<String> als = new ArrayList<>();
        if ((k.equals("armed_group") || k.equals("monitor_ngo")) && r.nextInt(6) == 0) {
            String ac = acronym(nm);
            if (ac.length() >= 3) als.add(ac);
        }
        addParty(nm, k, par, als, the, describe(k, nm, par < 0 ? null : pName.get(par), r), 0, null, null);
    }

    static String roman(int i) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return i <= 10 ? r[i] : Integer.toString(i);
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    void finishParties() {
        int n = pName.size();
        partyCount = n;
        name = pName.toArray(new String[0]);
        kind = pKind.toArray(new String[0]);
        ref = pRef.toArray(new String[0]);
        description = pDesc.toArray(new String[0]);
        role = pRole.toArray(new String[0]);
        roleShort = pRoleShort.toArray(new String[0]);
        aliases = new String[n][];
        parent = new int[n];
        root = new int[n];
        pronoun = new int[n];
        for (int i = 0; i < n; i++) {
            aliases[i] = pAliases.get(i).toArray(new String[0]);
            parent[i] = pParent.get(i);
            pronoun[i] = pPronoun.get(i);
        }
        kindBit = new int[n];
        for (int i = 0; i < n; i++) {
            int p = i;
            while (parent[p] >= 0) p = parent[p];
            root[i] = p;
            kindBit[i] = 1 << Arrays.asList(PARTY_KINDS).indexOf(kind[i]);
        }
        // speakers: persons with a role, by parent
        int[] count = new int[n];
        for (int i = 0; i < n; i++) if (kind[i].equals("person") && parent[i] >= 0 && role[i] != null) count[parent[i]]++;
        speakers = new int[n][];
        for (int i = 0; i < n; i++) speakers[i] = new int[count[i]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) if (kind[i].equals("person") && parent[i] >= 0 && role[i] != null) speakers[parent[i]][count[parent[i]]++] = i;
        // rankings
        claimantOrder = ranking(CLAIMANT_HEAD, 1);
        addressedOrder = ranking(ADDRESSED_HEAD, 2);
        partyRanks = Dist.zipf(n, 1.1);
        List<Integer> g = new ArrayList<>(), m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (kind[i].equals("armed_group")) g.add(i);
            if (kind[i].equals("monitor_ngo")) m.add(i);
        }
        if (g.isEmpty()) g.add(0);
        if (m.isEmpty()) m.add(0);
        groups = g.stream().mapToInt(Integer::intValue).toArray();
        monitors = m.stream().mapToInt(Integer::intValue).toArray();
        groupRanks = Dist.zipf(groups.length, 1.0);
        monitorRanks = Dist.zipf(monitors.length, 1.0);
        townRanks = Dist.zipf(TOWNS.length, 0.9);
    }

    int[] ranking(String[] head, int stream) {
        int n = partyCount;
        int[] order = new int[n];
        boolean[] used = new boolean[n];
        int k = 0;
        for (String h : head) {
            int i = partyIndex(h);
            if (i >= 0 && !used[i]) {
                used[i] = true;
                order[k++] = i;
            }
        }
        int headEnd = k;
        for (int i = 0; i < n; i++) if (!used[i]) order[k++] = i;
        SplittableRandom r = rng(S_ORDER, stream);
        for (int i = n - 1; i > headEnd; i--) {
            int j = headEnd + r.nextInt(i - headEnd + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    // ============================================================================================
    // Places
    // ============================================================================================

    static final int VILLAGES = VILLAGE_PREFIX.length * VILLAGE_ROOT.length;

    int samplePlace(SplittableRandom r) {
        return r.nextInt(100) < 65 ? townRanks.sample(r) : TOWNS.length + r.nextInt(VILLAGES);
    }

    static String villageName(int v) {
        return VILLAGE_PREFIX[v % VILLAGE_PREFIX.length] + " " + VILLAGE_ROOT[v / VILLAGE_PREFIX.length];
    }

    static final String[] TOWN_NAME = new String[TOWNS.length], TOWN_GOV = new String[TOWNS.length];

    static {
        for (int i = 0; i < TOWNS.length; i++) {
            String[] f = TOWNS[i].split("\\|");
            TOWN_NAME[i] = f[0];
            TOWN_GOV[i] = f[1];
        }
    }

    static void appendPlaceName(StringBuilder sb, int p) {
        if (p < TOWNS.length) {
            sb.append(TOWN_NAME[p]);
        } else {
            int v = p - TOWNS.length;
            sb.append(VILLAGE_PREFIX[v % VILLAGE_PREFIX.length]).append(' ').append(VILLAGE_ROOT[v / VILLAGE_PREFIX.length]);
        }
    }

    static void appendPlacePhrase(StringBuilder sb, int p) {
        if (p < TOWNS.length) {
            String t = TOWN_NAME[p], g = TOWN_GOV[p];
            if (t.equals(g)) sb.append("the city of ").append(t);
            else if (g.equals("Damascus")) sb.append(t).append(" in Damascus");
            else sb.append(t).append(" in ").append(g).append(" province");
            return;
        }
        int v = p - TOWNS.length;
        String g = VILLAGE_GOVS[(v * 7) % VILLAGE_GOVS.length];
        sb.append("the village of ");
        appendPlaceName(sb, p);
        if (v % 2 == 0) sb.append(" in the ").append(g).append(" countryside");
        else sb.append(" in rural ").append(g);
    }

    // ============================================================================================
    // Claims and responses as pure functions of (seed, index)
    // ============================================================================================

    static final class ClaimData {
        int c, claimant, speaker = -1, addressed = -1, third = -1, kind, sub, day, iday, place, target, means;
        int low = -1, high = -1, kids, agreement, wsys, action, demand, grading, nsrc, frame, clause;
        int claimantAlias = -1, addressedAlias = -1, gradingNote = -1;
        boolean admission;
    }

    static final String[] GRADINGS = {"unassessed", "confirmed", "fair", "weak", "contested", "discounted"};
    static final double[] GRADING_CUM = cumulative(55, 8, 12, 10, 10, 5);
    static final String[] GRADING_NOTES = {"Graded against the monitor's count and satellite imagery.",
        "Only one source; no independent confirmation.", "Contradicted by the flight data published by the accused party.",
        "Consistent with the casualty lists of two monitors.", "The source relays an anonymous official.",
        "Dates in the sources disagree by a day."};

    /** Party kinds as bits, for the kinds of party a claim of some kind can be addressed to. */
    static final String[] PARTY_KINDS = {"state", "government_body", "armed_force", "armed_group", "coalition",
        "monitor_ngo", "media_outlet", "person"};
    static final int ARMED = 1 | 4 | 8 | 16, OFFICIAL = ARMED | 2, ANY = 255;
    /** Who a claim of each kind can be addressed to: attacks, casualties, capabilities, threats to armed actors. */
    static final int[] ADDRESSABLE = {ARMED, ARMED, OFFICIAL, OFFICIAL, ARMED, ARMED, ANY};
    int[] kindBit;

    /** A party drawn from the addressed ranking, of a kind in mask, other than (and not of the same root as) claimant. */
    int addressedParty(SplittableRandom r, int claimant, int mask) {
        int a = -1;
        for (int t = 0; t < 40; t++) {
            a = addressedOrder[partyRanks.sample(r)];
            if ((kindBit[a] & mask) != 0 && a != claimant && root[a] != root[claimant]) return a;
        }
        for (int i = 0; i < partyCount; i++) {
            a = addressedOrder[i];
            if ((kindBit[a] & mask) != 0 && a != claimant && root[a] != root[claimant]) return a;
        }
        return addressedOrder[addressedOrder[0] == claimant ? 1 : 0];
    }

    ClaimData claimData(int c) {
        SplittableRandom r = rng(S_CLAIM, c);
        ClaimData d = new ClaimData();
        d.c = c;
        d.kind = draw(r, KIND_CUM);
        d.claimant = claimantOrder[partyRanks.sample(r)];
        if (speakers[d.claimant].length > 0 && r.nextInt(100) < 30) d.speaker = speakers[d.claimant][r.nextInt(speakers[d.claimant].length)];
        if (r.nextDouble() >= NO_ADDRESSED[d.kind]) {
            if ((d.kind == K_ATTACK || d.kind == K_CASUALTIES) && r.nextInt(100) == 0 && (kindBit[d.claimant] & ARMED) != 0) {
                d.addressed = d.claimant;
                d.admission = true;
            } else {
                d.addressed = addressedParty(r, d.claimant, ADDRESSABLE[d.kind]);
            }
        }
        d.sub = r.nextInt(SUBKINDS[d.kind]);
        if (d.kind == K_OTHER) d.sub = d.addressed < 0 ? 3 : r.nextInt(3);
        if (d.kind == K_COOPERATION || (d.kind == K_OTHER && d.sub == 1)) {
            for (int t = 0; t < 40; t++) {
                d.third = addressedOrder[partyRanks.sample(r)];
                if (d.third != d.addressed && d.third != d.claimant && (kindBit[d.third] & ARMED) != 0) break;
            }
        }
        d.day = Math.min(sampleDay(r), lastArticleDay);
        d.iday = Math.max(0, d.day - (r.nextInt(3) == 0 ? 0 : r.nextInt(4)));
        d.place = samplePlace(r);
        d.target = r.nextInt(TARGET.length);
        d.means = r.nextInt(MEANS.length);
        boolean withCasualties = d.kind == K_CASUALTIES || (d.kind == K_OTHER && d.sub == 3)
                || (d.kind == K_ATTACK && r.nextInt(100) < 60);
        if (withCasualties) {
            d.low = CASUALTIES[r.nextInt(CASUALTIES.length)];
            d.high = d.low < 3 || r.nextInt(3) == 0 ? d.low : d.low + 1 + (int) (d.low * 0.6 * r.nextDouble());
            d.kids = r.nextInt(3) == 0 ? 0 : (int) (d.low * 0.4 * r.nextDouble());
        }
        d.agreement = r.nextInt(AGREEMENTS.length);
        d.wsys = r.nextInt(WEAPON_SYSTEMS.length);
        d.action = r.nextInt(BREACH_ACTIONS.length);
        d.demand = r.nextInt(DEMANDS.length);
        d.grading = draw(r, GRADING_CUM);
        if (d.grading > 0 && r.nextInt(3) == 0) d.gradingNote = r.nextInt(GRADING_NOTES.length);
        d.nsrc = r.nextInt(100) < 15 ? 2 : 1;
        d.frame = r.nextInt(FRAMES.length);
        d.clause = r.nextInt(6);
        if (aliases[d.claimant].length > 0 && r.nextInt(100) < 5) d.claimantAlias = r.nextInt(aliases[d.claimant].length);
        if (d.addressed >= 0 && aliases[d.addressed].length > 0 && r.nextInt(100) < 5) d.addressedAlias = r.nextInt(aliases[d.addressed].length);
        return d;
    }

    /** Civilian deaths claimed: log-normal, median 6, 90% between 1 and 36, at most 2,000. */
    static final int[] CASUALTIES = new int[NORMAL.length];
    /** Target article length: log-normal, median 4,500 characters. */
    static final double[] ARTICLE_LENGTH = new double[NORMAL.length];

    static {
        for (int i = 0; i < NORMAL.length; i++) {
            CASUALTIES[i] = Math.min(2000, Math.max(1, (int) StrictMath.exp(1.8 + 1.1 * NORMAL[i])));
            ARTICLE_LENGTH[i] = StrictMath.exp(StrictMath.log(4500) + 0.45 * NORMAL[i]);
        }
    }

    static final class Resp {
        int party, stance, day, role, speaker = -1, counter = -1, x = -1, variant, note = -1;
    }

    static final String[] RESPONSE_NOTES = {"Stance inferred from a spokesperson's remarks.",
        "Reported second-hand by the outlet.", "Repeated in later statements.", "Said in answer to a journalist's question."};

    /** The k responses of a claim, in time order. */
    Resp[] responses(ClaimData cd, int k) {
        SplittableRandom r = rng(S_RESP, cd.c);
        Resp[] out = new Resp[k];
        int day = cd.day;
        int addr = cd.addressed;
        int addrLast = -1;
        boolean retracted = false;
        for (int j = 0; j < k; j++) {
            Resp x = new Resp();
            int gap;
            if (j == 0) {
                int u = r.nextInt(100);
                gap = u < 45 ? 0 : u < 80 ? 1 : 2 + r.nextInt(5);
            } else {
                gap = 1 + (int) (-StrictMath.log(1 - r.nextDouble()) * 25);
            }
            day = Math.min(day + gap, lastArticleDay);
            x.day = day;
            int roleDraw = r.nextInt(100);
            int roleKind; // 0 addressed, 1 claimant, 2 third
            if (cd.admission && j == 0) roleKind = 0;
            else if (j == 0) roleKind = roleDraw < 86 ? 0 : roleDraw < 92 ? 1 : 2;
            else if (addrLast >= 0) roleKind = roleDraw < 60 ? 0 : roleDraw < 74 ? 1 : 2;
            else roleKind = roleDraw < 65 ? 0 : roleDraw < 78 ? 1 : 2;
            x.role = roleKind;
            if (roleKind == 0) {
                if (addr < 0) addr = addressedParty(r, cd.claimant, ARMED);
                x.party = addr;
                if (cd.admission && j == 0) x.stance = ACKNOWLEDGES;
                else x.stance = draw(r, addrLast < 0 ? FIRST_ADDRESSED : FOLLOW_UP[addrLast]);
                addrLast = x.stance;
            } else if (roleKind == 1) {
                x.party = cd.claimant;
                x.stance = !retracted && r.nextInt(100) < 27 ? RETRACTS : ASSERTS;
                if (x.stance == RETRACTS) retracted = true;
            } else {
                int p = cd.claimant;
                for (int t = 0; t < 12 && (p == cd.claimant || p == addr || p == cd.addressed); t++) p = claimantOrder[partyRanks.sample(r)];
                if (p == cd.claimant) p = addr >= 0 && addr != cd.claimant ? addr : addressedParty(r, cd.claimant, ANY);
                x.party = p;
                x.stance = draw(r, THIRD_PARTY);
            }
            if (x.stance == COUNTER) {
                if (r.nextInt(100) < 60) x.counter = counterClaim(x.party, x.day, cd.c);
                if (x.counter >= 0) {
                    x.x = claimAddressed[x.counter];
                }
                if (x.x < 0 || x.x == x.party) {
                    x.x = r.nextInt(100) < 30 && cd.claimant != x.party ? cd.claimant : addressedParty(r, x.party, ARMED);
                }
            }
            if (speakers[x.party].length > 0 && r.nextInt(100) < 25) x.speaker = speakers[x.party][r.nextInt(speakers[x.party].length)];
            x.variant = r.nextInt(1000);
            if (r.nextInt(100) < 4) x.note = r.nextInt(RESPONSE_NOTES.length);
            out[j] = x;
        }
        return out;
    }

    /** A claim by party p stated within 60 days of day, other than claim self; -1 if none. */
    int counterClaim(int p, int day, int self) {
        int s = ccStart[p], e = ccStart[p + 1];
        if (s == e) return -1;
        int lo = s, hi = e;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (claimDay[ccList[mid]] < day) lo = mid + 1;
            else hi = mid;
        }
        int best = -1, bestGap = 61;
        for (int i = Math.max(s, lo - 2); i < Math.min(e, lo + 2); i++) {
            int c = ccList[i];
            if (c == self) continue;
            int gap = Math.abs(claimDay[c] - day);
            if (gap < bestGap) {
                bestGap = gap;
                best = c;
            }
        }
        return best;
    }

    // ============================================================================================
    // Rendering the quoted sentences
    // ============================================================================================

    /** Scratch space for rendering quotes; one per thread. Caches the last claim and its responses. */
    final class Scratch {
        final Ctx ctx = new Ctx();
        int cachedClaim = -1;
        ClaimData cachedData;
        Resp[] cachedResponses;
        // result of the last renderQuote: the quote is [qs, qe) of the StringBuilder
        int qs, qe;
        ClaimData data;
        Resp resp;

        ClaimData claim(int c) {
            if (c != cachedClaim) {
                cachedClaim = c;
                cachedData = claimData(c);
                cachedResponses = null;
            }
            return cachedData;
        }

        Resp[] responsesOf(int c) {
            ClaimData d = claim(c);
            if (cachedResponses == null) cachedResponses = responses(d, respStart[c + 1] - respStart[c]);
            return cachedResponses;
        }
    }

    /** The index i with starts[i] <= id < starts[i + 1]. */
    static int owner(int[] starts, int id) {
        int lo = 0, hi = starts.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= id) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /**
     * Appends the sentence carrying quote q to sb; the quote is sb[s.qs, s.qe). The sentence
     * depends only on (seed, q) and the plan, never on where it is appended.
     */
    void renderQuote(int q, StringBuilder sb, Scratch s) {
        Ctx x = s.ctx;
        int start = sb.length();
        if (q < sourceCount) {
            int c = owner(claimSrcStart, q);
            int src = q - claimSrcStart[c];
            ClaimData d = s.claim(c);
            SplittableRandom r = rng(S_CLAIM_SENT, q);
            x.set(r, d.day, d, null);
            x.clause = d.clause + src;
            render(FRAMES[(d.frame + src * 3) % FRAMES.length], sb, x);
            s.data = d;
            s.resp = null;
        } else {
            int rIdx = q - sourceCount;
            int c = owner(respStart, rIdx);
            Resp rs = s.responsesOf(c)[rIdx - respStart[c]];
            ClaimData d = s.claim(c);
            SplittableRandom r = rng(S_RESP_SENT, rIdx);
            x.set(r, rs.day, d, rs);
            Tpl[] t = RESPONSE_SENTENCES[rs.stance];
            render(t[(rs.variant / 7) % t.length], sb, x);
            s.data = d;
            s.resp = rs;
        }
        boolean part = x.qs >= 0 && x.r.nextInt(100) < 35;
        s.qs = part ? x.qs : start;
        s.qe = part ? x.qe : sb.length();
    }

    // ============================================================================================
    // Planning
    // ============================================================================================

    int[] articleLoad;
    int articleCap;

    void planArticles() {
        int n = nArticles;
        articleDay = new int[n];
        SplittableRandom r = rng(S_ART_DAYS, 0);
        for (int a = 0; a < n; a++) articleDay[a] = sampleDay(r);
        Arrays.sort(articleDay);
        lastArticleDay = articleDay[n - 1];
        articleOutlet = new int[n];
        for (int a = 0; a < n; a++) articleOutlet[a] = outletRanks.sample(rng(S_ART_META, a));
        articleUrl = new String[n];
        articleLoad = new int[n];
        long quotes = (long) nClaims * 115 / 100 + nResponses;
        articleCap = (int) Math.max(80, 4 * (quotes / n + 1));
    }

    static int lowerBound(int[] a, int key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** An article published within [day, day+window], not exclude, preferring another outlet than avoidOutlet. */
    int pickArticle(int day, int window, SplittableRandom r, int exclude, int avoidOutlet) {
        int n = nArticles;
        int lo = lowerBound(articleDay, day);
        if (lo >= n) lo = n - 1; // cannot happen: day <= lastArticleDay
        int hi = Math.max(lowerBound(articleDay, day + window + 1), lo + 1);
        int a = lo + r.nextInt(hi - lo);
        for (int t = 0; t < 4 && (a == exclude || articleOutlet[a] == avoidOutlet) && hi - lo > 1; t++) a = lo + r.nextInt(hi - lo);
        if (a == exclude) {
            if (a + 1 < n) a++;
            else return -1;
        }
        int start = a;
        while (articleLoad[a] >= articleCap || a == exclude) {
            a++;
            if (a >= n) {
                a = start;
                if (a == exclude) return -1;
                break;
            }
        }
        articleLoad[a]++;
        return a;
    }

    void planClaims() {
        int n = nClaims;
        claimSrcStart = new int[n + 1];
        claimDay = new int[n];
        claimClaimant = new int[n];
        claimAddressed = new int[n];
        int[] src = new int[Math.max(16, n + n / 4)];
        int s = 0;
        for (int c = 0; c < n; c++) {
            ClaimData d = claimData(c);
            claimDay[c] = d.day;
            claimClaimant[c] = d.claimant;
            claimAddressed[c] = d.addressed;
            claimSrcStart[c] = s;
            SplittableRandom r = rng(S_PLAN, c);
            int a0 = pickArticle(d.day, 3, r, -1, -1);
            if (s + 2 > src.length) src = Arrays.copyOf(src, src.length * 3 / 2 + 16);
            src[s++] = a0;
            if (d.nsrc == 2) {
                int a1 = pickArticle(d.day, 7, r, a0, articleOutlet[a0]);
                if (a1 >= 0) src[s++] = a1;
            }
        }
        claimSrcStart[n] = s;
        sourceCount = s;
        // claims by claimant, sorted by day (for counter-claims)
        ccStart = new int[partyCount + 1];
        for (int c = 0; c < n; c++) ccStart[claimClaimant[c] + 1]++;
        for (int p = 0; p < partyCount; p++) ccStart[p + 1] += ccStart[p];
        long[] keyed = new long[n];
        int[] fill = Arrays.copyOf(ccStart, partyCount);
        for (int c = 0; c < n; c++) keyed[fill[claimClaimant[c]]++] = ((long) claimDay[c] << 32) | c;
        ccList = new int[n];
        for (int p = 0; p < partyCount; p++) {
            Arrays.sort(keyed, ccStart[p], ccStart[p + 1]);
        }
        for (int i = 0; i < n; i++) ccList[i] = (int) keyed[i];
        quoteArticle = Arrays.copyOf(src, s + nResponses);
        log(String.format("planned %,d claims with %,d sources (%.1f s)", n, s, secs()));
    }

    void planResponses() {
        int n = nClaims;
        respStart = new int[n + 1];
        if (n == 0) {
            quoteCount = sourceCount;
            return;
        }
        double mean = (double) nResponses / n;
        double nonZeroMean = Math.max(1.2, mean / 0.75);
        double pZero = 1 - mean / nonZeroMean;
        double pStop = 1 / nonZeroMean; // 1 + geometric(extra) with mean nonZeroMean
        int[] k = new int[n];
        SplittableRandom r = rng(S_RCOUNT, 0);
        long total = 0;
        for (int c = 0; c < n; c++) {
            if (r.nextDouble() < pZero) continue;
            int m = 1;
            while (m < 40 && r.nextDouble() >= pStop) m++;
            k[c] = m;
            total += m;
        }
        while (total < nResponses) {
            int c = r.nextInt(n);
            if (k[c] < 40 || total + n > nResponses) {
                k[c]++;
                total++;
            }
        }
        while (total > nResponses) {
            int c = r.nextInt(n);
            if (k[c] > 0) {
                k[c]--;
                total--;
            }
        }
        for (int c = 0; c < n; c++) respStart[c + 1] = respStart[c] + k[c];
        quoteCount = sourceCount + nResponses;
        for (int c = 0; c < n; c++) {
            if (k[c] == 0) continue;
            ClaimData d = new ClaimData(); // what responses() needs, without drawing the claim again
            d.c = c;
            d.day = claimDay[c];
            d.claimant = claimClaimant[c];
            d.addressed = claimAddressed[c];
            d.admission = d.addressed == d.claimant;
            Resp[] rs = responses(d, k[c]);
            SplittableRandom pr = rng(S_PLAN, (long) n + c);
            for (int j = 0; j < rs.length; j++) {
                quoteArticle[sourceCount + respStart[c] + j] = pickArticle(rs[j].day, 4, pr, -1, -1);
            }
        }
        log(String.format("planned %,d responses (%.1f s)", nResponses, secs()));
    }

    void indexQuotes() {
        int n = nArticles;
        articleQuoteStart = new int[n + 1];
        for (int q = 0; q < quoteCount; q++) articleQuoteStart[quoteArticle[q] + 1]++;
        for (int a = 0; a < n; a++) articleQuoteStart[a + 1] += articleQuoteStart[a];
        articleQuotes = new int[quoteCount];
        int[] fill = Arrays.copyOf(articleQuoteStart, n);
        for (int q = 0; q < quoteCount; q++) articleQuotes[fill[quoteArticle[q]]++] = q;
        quoteOffset = new int[quoteCount];
        quoteLength = new int[quoteCount];
        articleLoad = null;
    }

    // ============================================================================================
    // Articles
    // ============================================================================================

    final class ArticleBuilder {
        final StringBuilder sb = new StringBuilder(1 << 16);
        final StringBuilder check = new StringBuilder(512);
        final Scratch scratch = new Scratch();
        final Ctx ctx = new Ctx();
        String title;
        String[] authors;

        /** Builds the text, title and authors of article a; with record, notes where each quote lies. */
        void build(int a, int attempt, boolean record) {
            SplittableRandom r = rng(S_ART_TEXT, a * 64L + attempt);
            int day = articleDay[a];
            int outlet = articleOutlet[a];
            sb.setLength(0);
            double len = ARTICLE_LENGTH[r.nextInt(ARTICLE_LENGTH.length)];
            if (r.nextInt(100) < 3) len *= 2 + 3 * r.nextDouble();
            int target = (int) Math.max(1200, Math.min(len, 200_000));
            int qFrom = articleQuoteStart[a], qTo = articleQuoteStart[a + 1];
            int nq = qTo - qFrom;
            int qi = 0;
            ctx.set(r, day, null, null);
            boolean wire = outletKind[outlet].equals("wire_agency");
            if (wire) sb.append(pick(r, DATELINES)).append(" - ");
            int inParagraph = 0;
            int sentences = 0;
            long usedFillers = 0; // background sentences already used (by template), so that they rarely repeat
            while (qi < nq || sb.length() < target) {
                int remainingChars = Math.max(0, target - sb.length());
                int estimate = remainingChars / 150 + (nq - qi) + 1;
                boolean quote = qi < nq && r.nextInt(estimate) < (nq - qi) * (sentences == 0 ? 2 : 1);
                if (inParagraph > 0) sb.append(' ');
                if (quote) {
                    int q = articleQuotes[qFrom + qi++];
                    renderQuote(q, sb, scratch);
                    if (record) {
                        quoteOffset[q] = scratch.qs;
                        quoteLength[q] = scratch.qe - scratch.qs;
                    }
                } else if (vocabulary != null && r.nextInt(100) < SeedVocabulary.PERCENT) {
                    vocabulary.sentence(r, sb);
                } else {
                    int f = r.nextInt(FILLERS.length);
                    for (int t = 0; t < 4 && (usedFillers & (1L << f)) != 0; t++) f = r.nextInt(FILLERS.length);
                    usedFillers |= 1L << f;
                    render(FILLERS[f], sb, ctx);
                }
                sentences++;
                inParagraph++;
                if (inParagraph >= 6 || (inParagraph >= 2 && r.nextInt(100) < 40) || (sentences == 1 && r.nextBoolean())) {
                    sb.append("\n\n");
                    inParagraph = 0;
                }
            }
            while (sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1))) sb.setLength(sb.length() - 1);
            if (wire && r.nextInt(100) < 70) {
                sb.append("\n\n(Reporting by ").append(staffName(outlet, r.nextInt(outletStaff[outlet])))
                        .append("; editing by ").append(staffName(outlet, r.nextInt(outletStaff[outlet]))).append(")");
            } else if (r.nextInt(100) < 5) {
                sb.append("\n\nThis article has been updated with the latest figures.");
            }
            if (nq > 0) {
                check.setLength(0);
                renderQuote(articleQuotes[qFrom], check, scratch);
                Ctx x = scratch.ctx;
                x.r = r;
                Tpl[] t = scratch.resp == null ? CLAIM_TITLES[scratch.data.kind] : RESPONSE_TITLES[scratch.resp.stance];
                title = renderToString(t[r.nextInt(t.length)], x);
            } else {
                title = renderToString(GENERIC_TITLES[r.nextInt(GENERIC_TITLES.length)], ctx);
            }
            int na;
            switch (outletKind[outlet]) {
                case "wire_agency", "state_media" -> na = r.nextInt(100) < 55 ? 0 : 1;
                case "monitor_ngo" -> na = r.nextInt(2);
                case "blog" -> na = 1;
                default -> {
                    int u = r.nextInt(100);
                    na = u < 70 ? 1 : u < 92 ? 2 : 3;
                }
            }
            List<String> au = new ArrayList<>(na);
            for (int i = 0; i < na * 3 && au.size() < na; i++) {
                double v = r.nextDouble();
                String s = staffName(outlet, (int) (outletStaff[outlet] * v * v));
                if (!au.contains(s)) au.add(s);
            }
            authors = au.toArray(new String[0]);
        }

        /** Checks every quote of article a at its recorded offset, rendering each sentence again on its own. */
        void verifyQuotes(int a) {
            for (int i = articleQuoteStart[a]; i < articleQuoteStart[a + 1]; i++) {
                int q = articleQuotes[i];
                check.setLength(0);
                renderQuote(q, check, scratch);
                int len = scratch.qe - scratch.qs, off = quoteOffset[q];
                boolean same = len == quoteLength[q] && off + len <= sb.length();
                for (int k = 0; same && k < len; k++) same = sb.charAt(off + k) == check.charAt(scratch.qs + k);
                if (!same) throw new IllegalStateException("quote " + q + " is not at offset " + off + " of article " + a);
            }
        }
    }

    static String slug(String title) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty()) continue;
            if (words++ == 8) break;
            if (b.length() > 0) b.append('-');
            b.append(w);
        }
        return b.length() == 0 ? "article" : b.toString();
    }

    /** 64-bit hash of a text, for the uniqueness check. */
    static long textHash(char[] c, int n) {
        long h = 0x9E3779B97F4A7C15L ^ n;
        for (int i = 0; i < n; i++) h = (h ^ c[i]) * 0x100000001B3L + (h >>> 29);
        return mix64(h);
    }

    /** Open-addressing set of longs. */
    static final class LongSet {
        final long[] slots;
        final boolean[] used;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
            slots = new long[cap];
            used = new boolean[cap];
        }

        boolean add(long v) {
            int mask = slots.length - 1;
            int i = (int) mix64(v) & mask;
            while (used[i]) {
                if (slots[i] == v) return false;
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = v;
            return true;
        }
    }

    /** Writes the JSON line of article a (built with the given attempt) to w.out; returns the text's hash. */
    long writeArticle(int a, int attempt, Worker w) throws IOException {
        ArticleBuilder b = w.builder;
        b.build(a, attempt, true);
        int n = b.sb.length();
        if (n > 1_000_000) throw new IllegalStateException("article " + a + " would exceed 1,000,000 characters");
        if (w.chars.length < n) w.chars = new char[Math.max(n, w.chars.length * 2)];
        b.sb.getChars(0, n, w.chars, 0);
        long hash = textHash(w.chars, n);
        b.verifyQuotes(a);
        int outlet = articleOutlet[a];
        String iso = ISO[articleDay[a]];
        String url = "https://" + outletDomain[outlet] + "/" + iso.substring(0, 4) + "/" + iso.substring(5, 7) + "/"
                + iso.substring(8, 10) + "/" + slug(b.title) + "-" + (a + 1);
        articleUrl[a] = url;
        Out out = w.out;
        out.raw("{\"type\":\"article\",\"outlet\":").str(outletName[outlet]);
        out.raw(",\"title\":").str(b.title);
        out.raw(",\"authors\":[");
        for (int i = 0; i < b.authors.length; i++) {
            if (i > 0) out.raw(",");
            out.str(b.authors[i]);
        }
        out.raw("],\"publishedOn\":\"").raw(iso).raw("\",\"url\":").str(url);
        out.raw(",\"language\":\"en\",\"text\":").str(w.chars, n);
        SplittableRandom m = rng(S_ART_META, a);
        m.nextLong();
        String republished = null;
        if (!outletKind[outlet].equals("wire_agency") && wireOutlets.length > 0 && m.nextInt(100) < 4) {
            republished = outletName[wireOutlets[m.nextInt(wireOutlets.length)]];
        }
        out.raw(",\"republishedFrom\":").strOrNull(republished);
        out.raw(",\"notes\":").strOrNull(m.nextInt(100) < 2 ? "Captured from the outlet's site; page furniture removed." : null);
        out.raw("}\n");
        return hash;
    }

    /** Rebuilds the article of quote q from its seed and checks text.substring at the quote's offset. */
    void verifyAgainstRebuiltArticle(int q, String quote, Worker w) {
        int a = quoteArticle[q];
        int attempt;
        synchronized (articleAttempt) {
            attempt = articleAttempt.getOrDefault(a, 0);
        }
        w.verifier.build(a, attempt, false);
        String text = w.verifier.sb.toString();
        int start = quoteOffset[q];
        if (start + quote.length() > text.length() || !text.substring(start, start + quote.length()).equals(quote)) {
            throw new IllegalStateException("verification failed: quote " + q + " is not at " + start + " in article " + a);
        }
        w.verified++;
    }

    // ============================================================================================
    // Parallel generation, written in order
    // ============================================================================================

    /** Per-thread state: builders, scratch space, a JSON buffer and statistics (summed at the end). */
    final class Worker {
        final ArticleBuilder builder = new ArticleBuilder();
        final ArticleBuilder verifier = new ArticleBuilder();
        final Scratch scratch = new Scratch();
        final Ctx ctx = new Ctx();
        final StringBuilder sent = new StringBuilder(512);
        final ByteSink sink = new ByteSink();
        final Out out = new Out(sink);
        char[] chars = new char[1 << 16];
        final long[] byAddressed = new long[partyCount], byClaimant = new long[partyCount], byResponder = new long[partyCount];
        final long[] stances = new long[STANCES.length], kinds = new long[CLAIM_KINDS.length], roles = new long[3];
        long addressedClaims, twoSources, counters, verified;
    }

    final List<Worker> allWorkers = new ArrayList<>();
    final ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> {
        Worker w = new Worker();
        synchronized (allWorkers) {
            allWorkers.add(w);
        }
        return w;
    });

    /** A run of consecutive rows as bytes; for articles also where each row ends and its text's hash. */
    record Chunk(byte[] bytes, int length, int[] ends, long[] hashes, int rows) {
    }

    interface ChunkMaker {
        Chunk make(int from, int to) throws IOException;
    }

    interface ChunkTaker {
        void take(Chunk chunk, int from, CountingStream out) throws IOException;
    }

    /** Makes chunks [from, to) of 0..total on the worker threads and hands them to the taker in order. */
    long runChunks(Path file, int total, int chunkSize, ChunkMaker maker, ChunkTaker taker) throws IOException {
        ArrayDeque<Future<Chunk>> queue = new ArrayDeque<>();
        ArrayDeque<Integer> starts = new ArrayDeque<>();
        try (CountingStream out = new CountingStream(new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 20))) {
            int next = 0;
            while (next < total || !queue.isEmpty()) {
                while (next < total && queue.size() < threads * 4) {
                    int from = next, to = (int) Math.min(total, (long) next + chunkSize);
                    queue.add(pool.submit(() -> maker.make(from, to)));
                    starts.add(from);
                    next = to;
                }
                Chunk chunk;
                try {
                    chunk = queue.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof IOException io) throw io;
                    throw new IllegalStateException(cause);
                }
                taker.take(chunk, starts.poll(), out);
            }
            return out.count;
        }
    }

    Chunk finish(Worker w, int[] ends, long[] hashes, int rows) throws IOException {
        w.out.flush();
        Chunk c = new Chunk(Arrays.copyOf(w.sink.a, w.sink.n), w.sink.n, ends, hashes, rows);
        w.sink.n = 0;
        return c;
    }

    long writeArticles(Path file) throws IOException {
        Progress p = new Progress("articles.jsonl", nArticles);
        LongSet hashes = new LongSet(nArticles);
        long bytes = runChunks(file, nArticles, 32, (from, to) -> {
            Worker w = workers.get();
            int[] ends = new int[to - from];
            long[] hs = new long[to - from];
            for (int a = from; a < to; a++) {
                hs[a - from] = writeArticle(a, 0, w);
                w.out.flush();
                ends[a - from] = w.sink.n;
            }
            return finish(w, ends, hs, to - from);
        }, (chunk, from, out) -> {
            int prev = 0;
            for (int i = 0; i < chunk.rows(); i++) {
                int a = from + i;
                if (hashes.add(chunk.hashes()[i])) {
                    out.write(chunk.bytes(), prev, chunk.ends()[i] - prev);
                } else {
                    // same text as an earlier article (or a hash collision): build this one again differently
                    Worker w = workers.get();
                    int attempt = 0;
                    long h;
                    do {
                        if (++attempt > 50) throw new IllegalStateException("cannot make the text of article " + a + " unique");
                        w.sink.n = 0;
                        h = writeArticle(a, attempt, w);
                        w.out.flush();
                    } while (!hashes.add(h));
                    synchronized (articleAttempt) {
                        articleAttempt.put(a, attempt);
                    }
                    out.write(w.sink.a, 0, w.sink.n);
                    w.sink.n = 0;
                }
                prev = chunk.ends()[i];
            }
            p.tick(chunk.rows(), out.count);
        });
        p.done(bytes);
        return bytes;
    }

    long writeClaims(Path file) throws IOException {
        Progress p = new Progress("claims.jsonl", nClaims);
        long bytes = runChunks(file, nClaims, 2048, (from, to) -> {
            Worker w = workers.get();
            for (int c = from; c < to; c++) writeClaim(c, w);
            return finish(w, null, null, to - from);
        }, (chunk, from, out) -> {
            out.write(chunk.bytes(), 0, chunk.length());
            p.tick(chunk.rows(), out.count);
        });
        p.done(bytes);
        return bytes;
    }

    void writeClaim(int c, Worker w) throws IOException {
        Scratch s = w.scratch;
        Out out = w.out;
        ClaimData d = s.claim(c);
        w.byClaimant[d.claimant]++;
        w.kinds[d.kind]++;
        if (d.addressed >= 0) {
            w.byAddressed[d.addressed]++;
            w.addressedClaims++;
        }
        StringBuilder sent = w.sent;
        sent.setLength(0);
        render(PROPOSITIONS[d.kind][d.sub], sent, w.ctx.set(null, d.day, d, null));
        out.raw("{\"type\":\"claim\",\"ref\":\"gen-c-").num(c + 1).raw("\"");
        out.raw(",\"claimant\":").str(d.claimantAlias >= 0 ? aliases[d.claimant][d.claimantAlias] : name[d.claimant]);
        out.raw(",\"speaker\":").strOrNull(d.speaker >= 0 ? name[d.speaker] : null);
        out.raw(",\"addressedParty\":").strOrNull(d.addressed < 0 ? null
                : d.addressedAlias >= 0 ? aliases[d.addressed][d.addressedAlias] : name[d.addressed]);
        out.raw(",\"proposition\":").str(sent);
        out.raw(",\"kind\":\"").raw(CLAIM_KINDS[d.kind]).raw("\",\"statedOn\":\"").raw(ISO[d.day]).raw("\",\"incident\":null");
        out.raw(",\"casualtiesLow\":");
        if (d.low >= 0) out.num(d.low);
        else out.raw("null");
        out.raw(",\"casualtiesHigh\":");
        if (d.low >= 0) out.num(d.high);
        else out.raw("null");
        out.raw(",\"grading\":\"").raw(GRADINGS[d.grading]).raw("\",\"gradingNote\":")
                .strOrNull(d.gradingNote >= 0 ? GRADING_NOTES[d.gradingNote] : null);
        out.raw(",\"sources\":[");
        if (claimSrcStart[c + 1] - claimSrcStart[c] == 2) w.twoSources++;
        for (int q = claimSrcStart[c]; q < claimSrcStart[c + 1]; q++) {
            sent.setLength(0);
            renderQuote(q, sent, s);
            if (s.qe - s.qs != quoteLength[q]) throw new IllegalStateException("quote " + q + " changed length");
            if (verifyEvery > 0 && q % verifyEvery == 0) verifyAgainstRebuiltArticle(q, sent.substring(s.qs, s.qe), w);
            if (q > claimSrcStart[c]) out.raw(",");
            out.raw("{\"article\":").str(articleUrl[quoteArticle[q]]);
            out.raw(",\"quote\":").str(sent, s.qs, s.qe);
            out.raw(",\"quoteStart\":").num(quoteOffset[q]).raw("}");
        }
        out.raw("]}\n");
    }

    long writeResponses(Path file) throws IOException {
        Progress p = new Progress("responses.jsonl", nResponses);
        long bytes = runChunks(file, nClaims, 1024, (from, to) -> {
            Worker w = workers.get();
            for (int c = from; c < to; c++) writeResponsesOf(c, w);
            return finish(w, null, null, respStart[to] - respStart[from]);
        }, (chunk, from, out) -> {
            out.write(chunk.bytes(), 0, chunk.length());
            p.tick(chunk.rows(), out.count);
        });
        p.done(bytes);
        return bytes;
    }

    void writeResponsesOf(int c, Worker w) throws IOException {
        int k = respStart[c + 1] - respStart[c];
        if (k == 0) return;
        Scratch s = w.scratch;
        Out out = w.out;
        StringBuilder sent = w.sent;
        Resp[] rs = s.responsesOf(c);
        for (int j = 0; j < k; j++) {
            int rIdx = respStart[c] + j;
            int q = sourceCount + rIdx;
            Resp r = rs[j];
            w.byResponder[r.party]++;
            w.stances[r.stance]++;
            w.roles[r.role]++;
            sent.setLength(0);
            renderQuote(q, sent, s);
            if (s.qe - s.qs != quoteLength[q]) throw new IllegalStateException("quote " + q + " changed length");
            if (verifyEvery > 0 && q % verifyEvery == 0) verifyAgainstRebuiltArticle(q, sent.substring(s.qs, s.qe), w);
            if (r.counter >= 0) w.counters++;
            out.raw("{\"type\":\"response\",\"ref\":\"gen-r-").num(rIdx + 1).raw("\",\"claim\":\"gen-c-").num(c + 1).raw("\"");
            out.raw(",\"party\":").str(name[r.party]);
            out.raw(",\"speaker\":").strOrNull(r.speaker >= 0 ? name[r.speaker] : null);
            out.raw(",\"stance\":\"").raw(STANCES[r.stance]).raw("\",\"statedOn\":\"").raw(ISO[r.day]).raw("\"");
            out.raw(",\"article\":").str(articleUrl[quoteArticle[q]]);
            out.raw(",\"quote\":").str(sent, s.qs, s.qe);
            out.raw(",\"quoteStart\":").num(quoteOffset[q]);
            out.raw(",\"counterClaim\":");
            if (r.counter >= 0) out.raw("\"gen-c-").num(r.counter + 1).raw("\"");
            else out.raw("null");
            out.raw(",\"note\":").strOrNull(r.note >= 0 ? RESPONSE_NOTES[r.note] : null);
            out.raw("}\n");
        }
    }

    long writeOutlets(Path file) throws IOException {
        Progress p = new Progress("outlets.jsonl", nOutlets);
        try (CountingStream os = new CountingStream(new BufferedOutputStream(new FileOutputStream(file.toFile())));
             Out out = new Out(os)) {
            for (int o = 0; o < nOutlets; o++) {
                out.raw("{\"type\":\"outlet\",\"name\":").str(outletName[o]);
                out.raw(",\"domain\":").str(outletDomain[o]);
                out.raw(",\"country\":").str(outletCountry[o]);
                out.raw(",\"kind\":").str(outletKind[o]);
                out.raw(",\"notes\":").strOrNull(outletNotes[o]);
                out.raw("}\n");
            }
            out.flush();
            p.done(os.count);
            return os.count;
        }
    }

    long writeParties(Path file) throws IOException {
        Progress p = new Progress("parties.jsonl", partyCount);
        try (CountingStream os = new CountingStream(new BufferedOutputStream(new FileOutputStream(file.toFile())));
             Out out = new Out(os)) {
            for (int i = 0; i < partyCount; i++) {
                out.raw("{\"type\":\"party\",\"name\":").str(name[i]);
                out.raw(",\"kind\":").str(kind[i]);
                out.raw(",\"parent\":").strOrNull(parent[i] >= 0 ? name[parent[i]] : null);
                out.raw(",\"description\":").strOrNull(description[i]);
                out.raw(",\"aliases\":[");
                for (int j = 0; j < aliases[i].length; j++) {
                    if (j > 0) out.raw(",");
                    out.str(aliases[i][j]);
                }
                out.raw("]}\n");
            }
            out.flush();
            p.done(os.count);
            return os.count;
        }
    }

    // ============================================================================================
    // Output: UTF-8 JSON with hand-written escaping
    // ============================================================================================

    /** A growable in-memory byte buffer. */
    static final class ByteSink extends OutputStream {
        byte[] a = new byte[1 << 20];
        int n;

        @Override
        public void write(int b) {
            ensure(1);
            a[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, a, n, len);
            n += len;
        }

        void ensure(int k) {
            if (n + k > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, n + k));
        }
    }

    /** Counts the bytes written through it. */
    static final class CountingStream extends OutputStream {
        final OutputStream os;
        long count;

        CountingStream(OutputStream os) {
            this.os = os;
        }

        @Override
        public void write(int b) throws IOException {
            os.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            os.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            os.close();
        }
    }

    /**
     * JSON text into a byte buffer: raw() for ASCII that needs no escaping, str() for strings
     * (quotes, backslashes and control characters escaped, everything else UTF-8 encoded).
     */
    static final class Out implements AutoCloseable {
        final OutputStream os;
        final byte[] buf = new byte[1 << 16];
        int pos;
        static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Out(OutputStream os) {
            this.os = os;
        }

        void flush() throws IOException {
            os.write(buf, 0, pos);
            pos = 0;
        }

        Out raw(String s) throws IOException {
            int n = s.length();
            if (pos + n > buf.length) {
                flush();
                if (n > buf.length) {
                    for (int i = 0; i < n; i++) os.write(s.charAt(i));
                    return this;
                }
            }
            for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
            return this;
        }

        Out num(long v) throws IOException {
            return raw(Long.toString(v));
        }

        Out strOrNull(String s) throws IOException {
            return s == null ? raw("null") : str(s);
        }

        Out str(CharSequence s) throws IOException {
            return str(s, 0, s.length());
        }

        /** s[from, to) as a JSON string. */
        Out str(CharSequence s, int from, int to) throws IOException {
            put('"');
            int limit = buf.length - 16;
            for (int i = from; i < to; i++) {
                if (pos >= limit) flush();
                char ch = s.charAt(i);
                if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') buf[pos++] = (byte) ch;
                else i += escape(ch, i + 1 < to ? s.charAt(i + 1) : 0);
            }
            put('"');
            return this;
        }

        Out str(char[] c, int n) throws IOException {
            put('"');
            int limit = buf.length - 16;
            for (int i = 0; i < n; i++) {
                if (pos >= limit) flush();
                char ch = c[i];
                if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') buf[pos++] = (byte) ch;
                else i += escape(ch, i + 1 < n ? c[i + 1] : 0);
            }
            put('"');
            return this;
        }

        private void put(char ch) throws IOException {
            if (pos >= buf.length) flush();
            buf[pos++] = (byte) ch;
        }

        /** Writes one character that needs escaping or encoding (room for 12 bytes is guaranteed); returns 1 if next was consumed too. */
        private int escape(char ch, char next) {
            if (ch == '"' || ch == '\\') {
                buf[pos++] = '\\';
                buf[pos++] = (byte) ch;
            } else if (ch < 0x20 || ch == 0x7f) {
                buf[pos++] = '\\';
                switch (ch) {
                    case '\n' -> buf[pos++] = 'n';
                    case '\r' -> buf[pos++] = 'r';
                    case '\t' -> buf[pos++] = 't';
                    case '\b' -> buf[pos++] = 'b';
                    case '\f' -> buf[pos++] = 'f';
                    default -> {
                        buf[pos++] = 'u';
                        buf[pos++] = '0';
                        buf[pos++] = '0';
                        buf[pos++] = HEX[ch >> 4];
                        buf[pos++] = HEX[ch & 15];
                    }
                }
            } else if (ch < 0x800) {
                buf[pos++] = (byte) (0xC0 | (ch >> 6));
                buf[pos++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && Character.isLowSurrogate(next)) {
                int cp = Character.toCodePoint(ch, next);
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                return 1;
            } else if (Character.isSurrogate(ch)) {
                buf[pos++] = (byte) 0xEF; // a lone surrogate becomes U+FFFD
                buf[pos++] = (byte) 0xBF;
                buf[pos++] = (byte) 0xBD;
            } else {
                buf[pos++] = (byte) (0xE0 | (ch >> 12));
                buf[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (ch & 0x3F));
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            flush();
            os.close();
        }
    }

    // ============================================================================================
    // Progress and summary
    // ============================================================================================

    final class Progress {
        final String file;
        final long total;
        final long started = System.nanoTime();
        long rows;
        long lastPrint = started;
        long nextTenth;

        Progress(String file, long total) {
            this.file = file;
            this.total = total;
            this.nextTenth = total >= 10_000 ? total / 10 : Long.MAX_VALUE;
        }

        void tick(long n, long bytes) {
            rows += n;
            long now = System.nanoTime();
            if (rows >= total) return;
            if (rows >= nextTenth || now - lastPrint > 5_000_000_000L) {
                while (rows >= nextTenth) nextTenth += total / 10;
                print(bytes);
            }
        }

        void print(long bytes) {
            long now = System.nanoTime();
            lastPrint = now;
            double s = Math.max(1e-9, (now - started) / 1e9);
            log(String.format("%-16s %,12d / %,d rows (%3d%%)  %,9.0f rows/s  %,9.1f MB  [%.1f s]", file, rows, total,
                    total == 0 ? 100 : rows * 100 / total, rows / s, bytes / 1e6, secs()));
        }

        void done(long bytes) {
            rows = total;
            print(bytes);
        }
    }

    void summary(long[] bytes) {
        long[] byAddressed = new long[partyCount], byClaimant = new long[partyCount], byResponder = new long[partyCount];
        long[] stances = new long[STANCES.length], kinds = new long[CLAIM_KINDS.length], roles = new long[3];
        long addressedClaims = 0, twoSources = 0, counters = 0, verified = 0;
        for (Worker w : allWorkers) {
            for (int i = 0; i < partyCount; i++) {
                byAddressed[i] += w.byAddressed[i];
                byClaimant[i] += w.byClaimant[i];
                byResponder[i] += w.byResponder[i];
            }
            for (int i = 0; i < stances.length; i++) stances[i] += w.stances[i];
            for (int i = 0; i < kinds.length; i++) kinds[i] += w.kinds[i];
            for (int i = 0; i < roles.length; i++) roles[i] += w.roles[i];
            addressedClaims += w.addressedClaims;
            twoSources += w.twoSources;
            counters += w.counters;
            verified += w.verified;
        }
        String[] files = {"outlets.jsonl", "parties.jsonl", "articles.jsonl", "claims.jsonl", "responses.jsonl"};
        long[] rows = {nOutlets, partyCount, nArticles, nClaims, nResponses};
        log("");
        log("Summary (seed " + seed + ", " + threads + " threads, output " + Paths.get(outDir).toAbsolutePath() + ")");
        long total = 0;
        for (int i = 0; i < files.length; i++) {
            log(String.format("  %-16s %,12d rows %,16d bytes (%,.1f MB)", files[i], rows[i], bytes[i], bytes[i] / 1e6));
            total += bytes[i];
        }
        log(String.format("  %-16s %12s      %,16d bytes (%,.1f MB)", "total", "", total, total / 1e6));
        log(String.format("  claim sources %,d (%,d claims with 2); counter-claims %,d; quotes re-checked against rebuilt articles %,d",
                sourceCount, twoSources, counters, verified));
        if (nClaims > 0) {
            log(String.format("  claims with an addressed party: %.1f%%", 100.0 * addressedClaims / nClaims));
            StringBuilder k = new StringBuilder("  claim kinds:");
            for (int i = 0; i < CLAIM_KINDS.length; i++) k.append(String.format(" %s %.1f%%", CLAIM_KINDS[i], 100.0 * kinds[i] / nClaims));
            log(k.toString());
            log(skew("claims by addressed party", byAddressed, addressedClaims));
            log(skew("claims by claimant", byClaimant, nClaims));
        }
        if (nResponses > 0) {
            StringBuilder k = new StringBuilder("  stances:");
            for (int i = 0; i < STANCES.length; i++) k.append(String.format(" %s %.1f%%", STANCES[i], 100.0 * stances[i] / nResponses));
            log(k.toString());
            log(String.format("  responding party: the addressed party (or suspect) %.1f%%, the claimant %.1f%%, a third party %.1f%%",
                    100.0 * roles[0] / nResponses, 100.0 * roles[1] / nResponses, 100.0 * roles[2] / nResponses));
            log(skew("responses by party", byResponder, nResponses));
        }
        log(String.format("  elapsed %.1f s", secs()));
    }

    String skew(String what, long[] counts, long total) {
        Integer[] idx = new Integer[counts.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        long top10 = 0, top20 = 0, top100 = 0;
        for (int i = 0; i < idx.length && i < 100; i++) {
            if (i < 10) top10 += counts[idx[i]];
            if (i < 20) top20 += counts[idx[i]];
            top100 += counts[idx[i]];
        }
        StringBuilder b = new StringBuilder(String.format("  %s: top 10 %.1f%%, top 20 %.1f%%, top 100 %.1f%%; top 8:", what,
                100.0 * top10 / Math.max(1, total), 100.0 * top20 / Math.max(1, total), 100.0 * top100 / Math.max(1, total)));
        for (int i = 0; i < 8 && i < idx.length; i++) {
            b.append(i == 0 ? " " : ", ").append(name[idx[i]]).append(String.format(" (%,d)", counts[idx[i]]));
        }
        return b.toString();
    }
}
