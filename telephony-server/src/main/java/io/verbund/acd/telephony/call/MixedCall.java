package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.callcontrol.SupervisionAsked.Mode;
import io.verbund.acd.telephony.media.MediaEngine;
import io.verbund.acd.telephony.media.MixingRoom;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.RtpLeg;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * A connected call whose media is mixed instead of relayed: caller and agent in one
 * {@link MixingRoom} with the parties that joined them, a supervisor (listening, whispering or
 * barging in) or a conference's third party. Who hears whom follows from the parties: caller, agent
 * and conference parties hear each other; a supervisor hears them all, and is heard by the agent
 * when whispering, by everyone when barging in. When the last added party leaves, the room closes
 * and caller and agent are bridged again, the call's recording going on. Guarded by the call's monitor.
 */
final class MixedCall {

    /** A leg the node called into the call: ringing until {@link #connected}. */
    static final class Party {
        final String legCallId;
        final RtpLeg media;
        final ClientTransaction invite;
        final Dialog dialog;
        /** The supervisor's mode; null for a conference party. */
        Mode mode;
        final boolean notice;
        /** Who asked, for the log. */
        final String by;
        /** The agent a conference rang (reserved, then talking; wrap-up after); null for a supervisor or a number. */
        final io.verbund.acd.agent.AgentKey agent;
        /** That agent's id in the database (0 for none): the call's agent should the agent leave the conference. */
        final long agentId;
        /** Who the conference's third party is (as asked: agent, group or number); null for a supervisor. */
        final io.verbund.acd.call.TransferTarget target;
        /** The party's answer, kept for re-INVITEs should it become the call's agent leg. */
        byte[] sdp;
        /** Why the party leaves when the node puts it out ("hung up" when it did so itself). */
        String leftBecause = "hung up";
        boolean connected;
        /** A conference's agent was given back to its state machine (wrap-up or free). */
        boolean released;
        /** The BYE (or CANCEL), when the call ends or the party is put out. */
        final java.util.function.BiConsumer<AcdCall, Party> hangUp;

        Party(String legCallId, RtpLeg media, ClientTransaction invite, Dialog dialog, Mode mode, boolean notice, String by,
              io.verbund.acd.call.TransferTarget target, io.verbund.acd.agent.AgentKey agent, long agentId,
              java.util.function.BiConsumer<AcdCall, Party> hangUp) {
            this.agent = agent;
            this.agentId = agentId;
            this.target = target;
            this.legCallId = legCallId;
            this.media = media;
            this.invite = invite;
            this.dialog = dialog;
            this.mode = mode;
            this.notice = notice;
            this.by = by;
            this.hangUp = hangUp;
        }

        boolean isSupervisor() {
            return mode != null;
        }
    }

    private final List<Party> parties = new ArrayList<>();
    private final java.util.function.BiConsumer<AcdCall, Party> left;
    private MixingRoom room;
    private MixingRoom.Seat caller;
    private MixingRoom.Seat agent;

    /** @param left lets a party go that hung up by itself: unlinks its leg and {@link #remove}s it */
    MixedCall(java.util.function.BiConsumer<AcdCall, Party> left) {
        this.left = left;
    }

    /**
     * Whether the BYE came from a party the node called in (a supervisor, a conference's third
     * party): then only that party leaves, and caller and agent talk on.
     */
    boolean partyHungUp(AcdCall call, String legCallId) {
        Optional<Party> party = party(legCallId);
        party.ifPresent(gone -> left.accept(call, gone));
        return party.isPresent();
    }

    List<Party> parties() {
        return parties;
    }

    Optional<Party> party(String legCallId) {
        return parties.stream().filter(party -> party.legCallId.equals(legCallId)).findFirst();
    }

    Optional<Party> supervisor() {
        return parties.stream().filter(Party::isSupervisor).findFirst();
    }

    void add(Party party) {
        parties.add(party);
    }

    boolean isMixing() {
        return room != null;
    }

    /**
     * The party answered: the call moves from its bridge into the room (once), the party joins it, and
     * everyone hears whom the parties' modes say.
     *
     * @param notice played to the caller over what it hears (the tenant's supervision notice); null for none
     */
    void connect(AcdCall call, MediaEngine engine, Party party, Playable notice) {
        if (room == null) {
            // The call's recording, not the bridge's: it goes on in the room (the caller's two channels).
            room = engine.openRoom("call " + call.callId, call.recording);
            caller = room.join(call.callerMedia);
            agent = room.join(call.agentMedia);
            room.recordAs(caller);
        }
        room.join(party.media);
        party.connected = true;
        rehear();
        if (notice != null) {
            room.announce(caller, notice);
        }
    }

    /** The hearing matrix from the parties and their modes. */
    void rehear() {
        if (room == null) {
            return;
        }
        List<MixingRoom.Seat> talking = new ArrayList<>(List.of(caller, agent));
        List<MixingRoom.Seat> whisperers = new ArrayList<>();
        List<MixingRoom.Seat> listeners = new ArrayList<>();
        for (Party party : parties) {
            MixingRoom.Seat seat = party.connected ? room.seatOf(party.media) : null;
            if (seat == null) {
                continue;
            }
            if (party.mode == null || party.mode == Mode.BARGE) {
                talking.add(seat);
            } else if (party.mode == Mode.WHISPER) {
                whisperers.add(seat);
            } else {
                listeners.add(seat);
            }
        }
        MixingRoom.Seat[] everyoneTalking = talking.toArray(MixingRoom.Seat[]::new);
        for (MixingRoom.Seat seat : talking) {
            room.hears(seat, everyoneTalking);
        }
        List<MixingRoom.Seat> agentHears = new ArrayList<>(talking);
        agentHears.addAll(whisperers);
        room.hears(agent, agentHears.toArray(MixingRoom.Seat[]::new));
        for (MixingRoom.Seat silent : whisperers) {
            room.hears(silent, everyoneTalking);
        }
        for (MixingRoom.Seat silent : listeners) {
            room.hears(silent, everyoneTalking);
        }
    }

    /**
     * The party is gone (hung up, refused, put out): its leg closed.
     *
     * @return whether that closed the room (no party left in it): caller and agent are to be bridged again
     */
    boolean remove(Party party) {
        parties.remove(party);
        if (room != null) {
            room.leave(party.media);
        }
        party.media.close();
        if (room != null && parties.stream().noneMatch(other -> other.connected)) {
            room.close();
            room = null;
            return true;
        }
        return false;
    }

    /** The conference's third party: connected, not a supervisor; empty when none. */
    Optional<Party> thirdParty() {
        return parties.stream().filter(party -> !party.isSupervisor() && party.connected).findFirst();
    }

    /**
     * The call's agent left the conference: the room closes without closing {@code staying}'s leg,
     * which is to be bridged to the caller as the call's agent leg; every other party is hung up.
     */
    void dissolveFor(AcdCall call, Party staying) {
        for (Party party : List.copyOf(parties)) {
            if (party != staying) {
                party.hangUp.accept(call, party);
                party.media.close();
            }
        }
        parties.clear();
        if (room != null) {
            room.close();
            room = null;
        }
    }

    /** The call ends: every party is hung up, the room closed (the legs and the recording are the call's to close). */
    void end(AcdCall call) {
        dissolveFor(call, null);
    }
}
