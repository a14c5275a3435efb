package io.verbund.acd.portal.api;

/** A configuration document with a numeric id and the version a change must name. */
public interface TenantItem {

    long id();

    int version();
}
