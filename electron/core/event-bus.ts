import { EventEmitter } from 'node:events';
import { events, type EventMessage, type EventName, type PayloadOf, type Role } from '../api/index.js';

type Listener = (message: EventMessage) => void;

/** In-process fan-out of contract events to whatever front doors are listening. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open window or browser tab; the default cap of 10 is too low for a console.
    this.emitter.setMaxListeners(0);
  }

  emit<N extends EventName>(name: N, payload: PayloadOf<N>): void {
    // Validate on the way out so a service bug cannot send a malformed event to every client.
    const checked = events[name].payload.parse(payload) as PayloadOf<N>;
    this.emitter.emit('event', { name, payload: checked } satisfies EventMessage<N>);
  }

  /** Subscribe to the events the given role may see; returns the unsubscribe function. */
  subscribe(role: Role, listener: Listener): () => void {
    const filtered: Listener = (message) => {
      if (events[message.name].roles.includes(role)) listener(message);
    };
    this.emitter.on('event', filtered);
    return () => this.emitter.off('event', filtered);
  }
}
