/** Which Verbund service this deployment is, on which node, in which version. */
package io.verbund.acd.runtime.service;
