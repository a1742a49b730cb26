// Loaded with `node --import` (through NODE_OPTIONS, so every Node process of a build has it): writes
// each attempt to reach the network — a name looked up, a connection to a host that is not this
// machine, a fetch — as a line of OKR_NETWORK_LOG. A build that contacts no one leaves it empty.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const log = process.env.OKR_NETWORK_LOG;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
/** A name to look up: an address written out (a server binding 0.0.0.0 or ::) asks no one. */
const NAME = (hostname: string) => net.isIP(hostname) === 0 && !LOCAL.test(hostname);

if (log) {
  const note = (what: string) => appendFileSync(log, `${process.pid} ${what}\n`);
  const lookup = dns.lookup;
  dns.lookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (NAME(hostname)) note(`dns.lookup ${hostname}`);
    return (lookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  } as typeof dns.lookup;
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (NAME(hostname)) note(`dns.promises.lookup ${hostname}`);
    return (promisesLookup as (...a: unknown[]) => unknown).call(this, hostname, ...rest);
  } as typeof dns.promises.lookup;
  const connect = (Object.getOwnPropertyDescriptor(net.Socket.prototype, 'connect') as { value: (...a: unknown[]) => net.Socket }).value;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; port?: number; path?: string } | number | string | unknown[];
    const o = Array.isArray(first) ? (first[0] as { host?: string; port?: number; path?: string }) : first;
    const host = typeof o === 'object' && o !== null ? o.host : typeof o === 'number' ? (args[1] as string | undefined) : undefined;
    const path = typeof o === 'object' && o !== null ? o.path : typeof o === 'string' ? o : undefined;
    // A Unix socket or pipe (IPC between the build's own processes) reaches no one.
    if (path === undefined && !LOCAL.test(host ?? 'localhost')) note(`connect ${host}:${typeof o === 'object' && o ? o.port : String(o)}`);
    return connect.apply(this, args);
  };
  const fetch = globalThis.fetch;
  globalThis.fetch = function (input: Parameters<typeof fetch>[0], init?: RequestInit) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOCAL.test(url.hostname.replace(/^\[|\]$/g, ''))) note(`fetch ${url.href}`);
    return fetch(input, init);
  };
}
