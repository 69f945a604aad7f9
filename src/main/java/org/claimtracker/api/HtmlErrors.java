package org.claimtracker.api;

/**
 * How a failure is shown to a person in the admin pages. The problem mappers answer the API with
 * problem documents and the admin pages with this; the admin layer provides it.
 */
public interface HtmlErrors {

    Object page(int status, String title, String detail);
}
