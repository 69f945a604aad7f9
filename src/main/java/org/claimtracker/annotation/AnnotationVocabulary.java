package org.claimtracker.annotation;

/** The names the Web Annotation data model and protocol give what the tracker serves. */
public final class AnnotationVocabulary {

    /** The JSON-LD context of Web Annotations. */
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** The media type of annotations and their containers (Web Annotation Protocol, section 4). */
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"" + CONTEXT + "\"";
    /** JSON-LD without the profile, as a client may send an export. */
    public static final String JSON_LD = "application/ld+json";
    /** Characters of context either side of a quote in its TextQuoteSelector. */
    public static final int CONTEXT_CHARACTERS = 32;

    private AnnotationVocabulary() {
    }
}
