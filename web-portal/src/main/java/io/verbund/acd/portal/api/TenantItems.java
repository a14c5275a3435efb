package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.security.Caller;

/**
 * What a service offers for one kind of configuration item of a tenant, addressed by id: the
 * operations {@link TenantItemResource} exposes.
 *
 * @param <R> the request a client sends
 * @param <D> the document the API answers
 */
public interface TenantItems<R, D extends TenantItem> {

    D get(AddressedTenant tenant, long id);

    D create(AddressedTenant tenant, R request, Caller by);

    /** @param ifMatch the request's If-Match header, or null */
    D replace(AddressedTenant tenant, long id, R request, String ifMatch, Caller by);

    void remove(AddressedTenant tenant, long id, String ifMatch, Caller by);
}
