import sodium from 'sodium-native';

/** What a desk needs to take part in a team: its id and its 32-byte secret (from the invitation). */
export type TeamCredentials = { teamId: string; secret: Uint8Array };

/** The keys every desk of a team derives from the secret, one per use, so no key serves twice. */
export type TeamKeys = {
  /** Noise pre-shared key: a connection without it fails at the first message. */
  noisePsk: Buffer;
  /** Encrypts the team's file on a USB stick. */
  stick: Buffer;
  /** Names the team's file on a stick without revealing the team. */
  stickName: Buffer;
  /** Tags local-network announcements so only team members recognise them. */
  beacon: Buffer;
};

export const TEAM_SECRET_BYTES = 32;

/**
 * FORMAT: key = BLAKE2b-256 keyed with the team secret over
 * UTF-8 "response-desk/team/v1/<purpose>\n<team id>". Changing this splits every existing team.
 */
export function deriveTeamKey(credentials: TeamCredentials, purpose: string): Buffer {
  if (credentials.secret.byteLength !== TEAM_SECRET_BYTES) {
    throw new Error(`A team secret is ${TEAM_SECRET_BYTES} bytes; this one is ${credentials.secret.byteLength}.`);
  }
  const out = Buffer.alloc(sodium.crypto_generichash_BYTES);
  const message = Buffer.from(`response-desk/team/v1/${purpose}\n${credentials.teamId}`, 'utf8');
  sodium.crypto_generichash(out, message, Buffer.from(credentials.secret));
  return out;
}

export function deriveTeamKeys(credentials: TeamCredentials): TeamKeys {
  return {
    noisePsk: deriveTeamKey(credentials, 'noise-psk'),
    stick: deriveTeamKey(credentials, 'stick'),
    stickName: deriveTeamKey(credentials, 'stick-name'),
    beacon: deriveTeamKey(credentials, 'beacon'),
  };
}

/** BLAKE2b-256 keyed MAC, the one MAC the engine uses. */
export function mac(key: Buffer, message: Buffer): Buffer {
  const out = Buffer.alloc(32);
  sodium.crypto_generichash(out, message, key);
  return out;
}

/** FORMAT: the team's file on a stick: `response-desk-team-<16 hex>.rdsync`. */
export function stickFileName(keys: TeamKeys): string {
  return `response-desk-team-${mac(keys.stickName, Buffer.from('file', 'utf8')).toString('hex').slice(0, 16)}.rdsync`;
}
