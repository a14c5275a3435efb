package io.verbund.acd.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the portal's persistence context injectable through constructors. It is the
 * transaction-scoped context of the master datasource: configuration is read where it is written,
 * so an admin sees its own change at once.
 */
@ApplicationScoped
public class PortalPersistence {

    @Produces
    @PersistenceContext(unitName = "portal")
    private EntityManager entities;
}
