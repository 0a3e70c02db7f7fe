import { apiRequest } from './apiRequest.js';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
}

export async function register(input: RegisterInput): Promise<User> {
  return (await apiRequest<{ user: User }>('POST', '/auth/register', input)).user;
}

export async function login(input: { email: string; password: string }): Promise<User> {
  return (await apiRequest<{ user: User }>('POST', '/auth/login', input)).user;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('POST', '/auth/logout');
}

export async function fetchMe(): Promise<User> {
  return (await apiRequest<{ user: User }>('GET', '/me')).user;
}
