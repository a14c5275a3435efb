/** ACD groups through the API: settings, strategy, members and required skills. */
package io.verbund.acd.portal.group;
