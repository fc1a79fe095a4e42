import { describe, expect, it } from 'vitest';
import * as gen from '../../../datasets/pii/identifiers.js';
import { found, typesIn } from './helpers.js';

const rng = gen.seededRng(5);

describe('secrets and credentials', () => {
  it('cloud access keys (AWS, Alibaba Cloud)', () => {
    const aws = gen.awsKey(rng);
    const ali = gen.aliyunKey(rng);
    expect(found(`aws_access_key_id ${aws}`)).toEqual([`CLOUD_ACCESS_KEY:${aws}`]);
    expect(found(`RAM 用户 AccessKey ID：${ali}`)).toEqual([`CLOUD_ACCESS_KEY:${ali}`]);
  });
  it('API tokens (OpenAI, GitHub, Slack)', () => {
    const sk = gen.openaiKey(rng);
    const gh = gen.githubToken(rng);
    expect(found(`OPENAI_API_KEY ${sk}`)).toEqual([`API_TOKEN:${sk}`]);
    expect(found(`token ${gh} leaked`)).toEqual([`API_TOKEN:${gh}`]);
    expect(typesIn('xoxb-123456789012-abcdefghijKLMNOP')).toEqual(['API_TOKEN']);
  });
  it('low-entropy look-alikes are not secrets', () => {
    expect(typesIn('sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toEqual([]);
    expect(typesIn('AKIAAAAAAAAAAAAAAAAA')).toEqual([]);
  });
  it('JWT and PEM private keys', () => {
    const token = gen.jwt(rng);
    expect(found(`Authorization: Bearer ${token}`)).toEqual([`JWT:${token}`]);
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpI\nZ3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----';
    expect(found(`key:\n${pem}\nthanks`)).toEqual([`PRIVATE_KEY:${pem}`]);
  });
  it('password assignments: the value only; placeholders ignored', () => {
    expect(found('db password=Tr0ub4dor&3 ok')).toEqual(['PASSWORD:Tr0ub4dor&3']);
    expect(found('"api_key": "a8f5f167f44f4964e6c998dee827110c"')).toEqual(['API_TOKEN:a8f5f167f44f4964e6c998dee827110c']);
    expect(found('登录密码：Abc@123456，')).toEqual(['PASSWORD:Abc@123456']);
    expect(typesIn('password=******** and token=${TOKEN}')).toEqual([]);
  });
  it('URLs with embedded credentials: the userinfo', () => {
    expect(found('DATABASE_URL=postgres://admin:s3cretPa55@db.example.com:5432/app')).toEqual(['URL_CREDENTIALS:admin:s3cretPa55']);
  });
});
