/**
 * Portal users and their credentials: login names, roles and password hashes.
 */
package io.verbund.acd.user;
