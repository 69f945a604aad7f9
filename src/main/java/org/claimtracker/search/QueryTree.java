package org.claimtracker.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A {@code tsquery} as PostgreSQL prints it ({@code 'deir' & 'ez' <-> 'zor' | !( 'a' | 'b' )}), read
 * back into a tree, so that the search can estimate how many rows of a table match it without the
 * planner's assumption that words occur independently (see {@link WordFrequencies}).
 */
sealed interface QueryTree {

    /**
     * An upper estimate of the share of rows that match, given each word's share: a row matching
     * {@code a & b} (or the phrase {@code a <-> b}) holds both words, so at most the rarer one's share
     * (the words of a place name, such as "Deir ez Zor", occur together, not independently); {@code a
     * | b} at most the sum. For {@code !a} the rows without {@code a} are taken as an estimate, not a
     * bound (1 - a's share): bounded by every row, "strike -coalition" looked common in articles, where
     * 99.4% hold "coalition", and reading them in order took 654 ms against 79 ms through the index.
     */
    double share(ToDoubleFunction<String> wordShare);

    /**
     * The share of rows that match if the words occurred independently (the product of an AND's):
     * too low for the words of a name, which occur together, closer for words that seldom meet.
     * Used for the cost of a read ({@link WordFrequencies#cost}), not to choose how a kind is read.
     */
    double independentShare(ToDoubleFunction<String> wordShare);

    /**
     * The share of a table's rows whose index entries the GIN index reads for the query: an AND
     * skips through its rarest part's list, an OR reads every part's, and an excluded part's list
     * is read whole. Used for the cost of a read ({@link WordFrequencies#cost}).
     */
    double postings(ToDoubleFunction<String> wordShare);

    /** The words (lexemes) of the query. */
    Set<String> words();

    /** The words a matching text holds: all of them but those under a {@code !}. */
    Set<String> held();

    record Word(String lexeme) implements QueryTree {
        public double share(ToDoubleFunction<String> wordShare) {
            return wordShare.applyAsDouble(lexeme);
        }

        public double independentShare(ToDoubleFunction<String> wordShare) {
            return share(wordShare);
        }

        public double postings(ToDoubleFunction<String> wordShare) {
            return share(wordShare);
        }

        public Set<String> words() {
            return Set.of(lexeme);
        }

        public Set<String> held() {
            return Set.of(lexeme);
        }
    }

    record All(List<QueryTree> parts) implements QueryTree {
        public double share(ToDoubleFunction<String> wordShare) {
            return parts.stream().mapToDouble(p -> p.share(wordShare)).min().orElse(1);
        }

        public double independentShare(ToDoubleFunction<String> wordShare) {
            return parts.stream().mapToDouble(p -> p.independentShare(wordShare)).reduce(1, (a, b) -> a * b);
        }

        public double postings(ToDoubleFunction<String> wordShare) {
            double excluded = parts.stream().filter(p -> p instanceof Not).mapToDouble(p -> p.postings(wordShare)).sum();
            double rarest = parts.stream().filter(p -> !(p instanceof Not)).mapToDouble(p -> p.postings(wordShare)).min().orElse(0);
            return rarest + excluded;
        }

        public Set<String> words() {
            return union(parts, QueryTree::words);
        }

        public Set<String> held() {
            return union(parts, QueryTree::held);
        }
    }

    record Any(List<QueryTree> parts) implements QueryTree {
        public double share(ToDoubleFunction<String> wordShare) {
            return Math.min(1, parts.stream().mapToDouble(p -> p.share(wordShare)).sum());
        }

        public double independentShare(ToDoubleFunction<String> wordShare) {
            return Math.min(1, parts.stream().mapToDouble(p -> p.independentShare(wordShare)).sum());
        }

        public double postings(ToDoubleFunction<String> wordShare) {
            return parts.stream().mapToDouble(p -> p.postings(wordShare)).sum();
        }

        public Set<String> words() {
            return union(parts, QueryTree::words);
        }

        public Set<String> held() {
            return union(parts, QueryTree::held);
        }
    }

    record Not(QueryTree part) implements QueryTree {
        public double share(ToDoubleFunction<String> wordShare) {
            return Math.max(0, 1 - part.share(wordShare));
        }

        public double independentShare(ToDoubleFunction<String> wordShare) {
            return Math.max(0, 1 - part.independentShare(wordShare));
        }

        public double postings(ToDoubleFunction<String> wordShare) {
            return part.postings(wordShare);
        }

        public Set<String> words() {
            return part.words();
        }

        public Set<String> held() {
            return Set.of();
        }
    }

    private static Set<String> union(List<QueryTree> parts, Function<QueryTree, Set<String>> each) {
        Set<String> words = new LinkedHashSet<>();
        parts.forEach(p -> words.addAll(each.apply(p)));
        return words;
    }

    /** The tree of a tsquery's text, or null for an empty query. */
    static QueryTree parse(String text) {
        Parser parser = new Parser(text == null ? "" : text);
        parser.skipSpaces();
        if (parser.at >= parser.text.length()) {
            return null;
        }
        QueryTree tree = parser.or();
        parser.skipSpaces();
        if (parser.at != parser.text.length()) {
            throw new IllegalArgumentException("Unexpected '" + parser.text.charAt(parser.at) + "' at " + parser.at + " in " + text);
        }
        return tree;
    }

    /**
     * Recursive descent over PostgreSQL's output of a tsquery: {@code |} binds loosest, then {@code
     * &}, then the phrase operators {@code <->} and {@code <N>}, then {@code !}; lexemes are quoted
     * with {@code ''} for a quote and {@code \\} for a backslash, and may carry {@code :*} or weights.
     */
    final class Parser {
        final String text;
        int at;

        Parser(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        boolean take(String token) {
            skipSpaces();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        QueryTree or() {
            List<QueryTree> parts = new ArrayList<>(List.of(and()));
            while (take("|")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Any(parts);
        }

        QueryTree and() {
            List<QueryTree> parts = new ArrayList<>(List.of(phrase()));
            while (take("&")) {
                parts.add(phrase());
            }
            return parts.size() == 1 ? parts.get(0) : new All(parts);
        }

        QueryTree phrase() {
            List<QueryTree> parts = new ArrayList<>(List.of(unary()));
            while (true) {
                skipSpaces();
                if (at < text.length() && text.charAt(at) == '<') {
                    int close = text.indexOf('>', at);
                    if (close < 0) {
                        throw new IllegalArgumentException("Unclosed phrase operator in " + text);
                    }
                    at = close + 1;
                    parts.add(unary());
                } else {
                    return parts.size() == 1 ? parts.get(0) : new All(parts);
                }
            }
        }

        QueryTree unary() {
            if (take("!")) {
                return new Not(unary());
            }
            if (take("(")) {
                QueryTree inner = or();
                if (!take(")")) {
                    throw new IllegalArgumentException("Unclosed parenthesis in " + text);
                }
                return inner;
            }
            if (!take("'")) {
                throw new IllegalArgumentException("Expected a lexeme at " + at + " in " + text);
            }
            StringBuilder lexeme = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("Unclosed lexeme in " + text);
                }
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    lexeme.append(text.charAt(at++));
                } else if (c == '\'') {
                    if (at < text.length() && text.charAt(at) == '\'') {
                        lexeme.append('\'');
                        at++;
                    } else {
                        break;
                    }
                } else {
                    lexeme.append(c);
                }
            }
            // A prefix (:*) or weights (:AB) after the lexeme: the word's share is still the bound used.
            if (at < text.length() && text.charAt(at) == ':') {
                at++;
                while (at < text.length() && "*ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
            }
            return new Word(lexeme.toString());
        }
    }
}
