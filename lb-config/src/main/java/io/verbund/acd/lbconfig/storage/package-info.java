/**
 * The shared file storage of the source concept: DRBD mirrored between two machines and served over
 * SMB by Samba, or a mount of a storage system's SMB share (systemd mount unit).
 */
package io.verbund.acd.lbconfig.storage;
