package io.verbund.acd.runtime.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class other Verbund services may call with the cluster's {@link ServiceSecret}
 * (e.g. the storage service's files, written by the telephony server). A resource without it
 * refuses service credentials, so forgetting it cannot open anything; a service caller acts for
 * whichever tenant the request names, and the resource must check that through
 * {@link CallerContext#isService()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServiceAccess {
}
