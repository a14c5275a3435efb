/** Portal users through the API: logins, passwords, roles and the groups a supervisor watches. */
package io.verbund.acd.portal.user;
