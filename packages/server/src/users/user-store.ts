import { AppError, type Role } from '@qiao/core';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { hashPassword } from './password';
import { isUniqueViolation } from './unique-violation';
import { checkPassword, checkUsername, normalizeUsername } from './user-rules';

export type { Role };

/** A user as the API shows it: never the password hash. */
export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export interface UserRecord extends User {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  password: string;
  role?: Role;
}

const publicColumns = {
  id: users.id,
  username: users.username,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

/** Usernames are unique case-insensitively, so "Admin" cannot shadow "admin". */
const sameName = (username: string) => sql`lower(${users.username}) = lower(${username})`;

export async function createUser(db: Db, input: NewUser): Promise<User> {
  return insertUser(db, input, false);
}

/** The setup flow: creates an admin only while there are no users at all ('conflict' after). */
export async function createFirstAdmin(db: Db, input: Omit<NewUser, 'role'>): Promise<User> {
  return insertUser(db, { ...input, role: 'admin' }, true);
}

async function insertUser(db: Db, input: NewUser, onlyIfEmpty: boolean): Promise<User> {
  const username = normalizeUsername(input.username);
  checkUsername(username);
  checkPassword(input.password, username);
  // hashing is slow: done before the transaction so it holds no lock meanwhile
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      // serializes concurrent creators, so "only if empty" and the name check cannot race
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qiao:create-user'))`);
      if (onlyIfEmpty && (await countUsers(tx)) > 0) {
        throw new AppError('conflict', 'Setup is already done: an account exists');
      }
      const [taken] = await tx.select({ id: users.id }).from(users).where(sameName(username)).limit(1);
      if (taken) throw new AppError('conflict', `Username "${username}" is already taken`);
      // the first administrator becomes the owner (docs/access-control.md)
      const role = input.role === 'admin' && !(await hasOwner(tx)) ? 'owner' : (input.role ?? 'member');
      const [row] = await tx.insert(users).values({ username, passwordHash, role }).returning(publicColumns);
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `Username "${username}" is already taken`);
    throw error;
  }
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sameName(normalizeUsername(username)))
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return row;
}

async function hasOwner(db: Pick<Db, 'select'>): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'owner')).limit(1);
  return row !== undefined;
}

/** The account the local CLI token acts as: the oldest enabled owner, else the oldest admin. */
export async function findFirstAdmin(db: Db): Promise<User | undefined> {
  const [row] = await db
    .select(publicColumns)
    .from(users)
    .where(and(inArray(users.role, ['owner', 'admin']), eq(users.disabled, false)))
    .orderBy(desc(sql`${users.role} = 'owner'`), asc(users.createdAt), asc(users.id))
    .limit(1);
  return row;
}

export async function countUsers(db: Pick<Db, 'select'>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.createdAt), asc(users.username));
}
