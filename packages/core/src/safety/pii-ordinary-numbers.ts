import { seededRandom } from './pii-samples';

/**
 * Numbers that are not personal data but look like it to a careless detector: dates,
 * versions, prices, timestamps, IPs, ISBNs, order and tracking numbers, hashes, lists. The
 * detector must find nothing in any of them (`pii-ordinary-text.test.ts`).
 */
const fixed = [
  '发布于 2024-01-15，更新于 2024/02/16，截止 2024.03.17',
  '日志 2024-01-15 13:45:00.123 +0800 与 2024-01-15T13:45:00Z',
  '统计区间 2024-01-15–2024-02-16 与 2023年12月31日',
  '日期 20240115 20240216 20240317',
  '2024/01/15 2024/02/16 两次付款',
  '内核 Linux 6.1.0-13-amd64，版本 v10.15.7，补丁 13.8.1234',
  'node 18.19.1, npm 10.2.4, python 3.11.2, 1.2.3.4.5',
  '价格 ¥13,812,345.67，合计 1,381,234,567 元，单价 $1234.56',
  '长度 13812345.678 米，比例 0.13812345678，π 3.14159265358979',
  '时间戳 1705305600 与 1705305600123 毫秒',
  '服务器 192.168.1.1，公网 13.123.145.167:8080，网段 10.0.0.1/24',
  'ISBN 978-7-111-54742-6，旧版 ISBN 7-111-12345-X，条码 9787111547426',
  '订单号 20240115123456789，运单 SF1234567890123，流水 202401151234567',
  'snowflake id 1746392938475638784, tweet 1234567890123456789',
  '客服 400-820-8820，银行 95588，移动 10086，报警 110',
  '号码 12345678901 与 19412345678 无效',
  'uuid 123e4567-e89b-12d3-a456-426614174000',
  'commit 3a7bd3e2360a3d29eea436fcfb7e44c735d117c4',
  '序列 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20',
  '表格 13 14 15 16 17 18 19 20 21 22 23',
  '坐标 39.9042, 116.4074；海拔 1381.2345',
  '比分 13:8，电压 138.123V，第 138 页第 1234 行',
  '一二三四五六七八九十，三三两两，一五一十',
  'Copyright 1995-2023, 2005–2010 Free Software Foundation',
  '文件大小 1,048,576 bytes，权限 0755，端口 8080',
  'npm i react@18.2.0 @types/node, user@localhost, foo@bar, x@example.c',
  'ping @example.com, price@13.8元',
  '电话区号 0755，邮编 518000，身份证前六位 110105',
  'MAC 00:1A:2B:3C:4D:5E，序号 A1B2-C3D4-E5F6',
  '会议号 138 1234 56789，房间 4-4-3',
];

/** Tricky numbers generated from a seed: dates, times, decimals and version triples. */
function generated(count: number): string[] {
  const r = seededRandom(2024);
  const int = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = `${int(1990, 2030)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
    out.push(
      `${date} ${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`,
      `${date.replaceAll('-', '/')} ${date.replaceAll('-', '.')}`,
      `v${int(0, 20)}.${int(0, 99)}.${int(0, 999)}`,
      `${int(1, 255)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`,
      `¥${int(1, 99)},${int(100, 999)},${int(100, 999)}.${pad(int(0, 99))}`,
      `${int(10, 19)}.${int(100000000, 999999999)}`,
      `${int(1_600_000_000, 1_800_000_000)}${int(100, 999)}`,
    );
  }
  return out;
}

export const ordinaryNumbers: readonly string[] = [...fixed, ...generated(100)];
