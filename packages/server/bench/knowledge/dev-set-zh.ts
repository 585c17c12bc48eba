import type { DocumentPlan } from './dev-set-types';
import { pick } from './seeded-random';

const companies = [
  '星河科技',
  '青松物流',
  '远帆传媒',
  '晨光医疗',
  '蓝鲸软件',
  '金穗食品',
  '云图数据',
  '长风汽车',
  '明湖教育',
  '赤焰游戏',
  '白鹭航空',
  '松石建筑',
];
const cities = ['云溪市', '临川市', '望江市', '石湾市', '柳岸市', '鹤鸣市'];
const dishes = [
  ['酸汤粉', '汤底酸辣开胃'],
  ['桂花糯米藕', '香甜软糯'],
  ['石锅鱼', '鱼肉鲜嫩'],
  ['葱油饼', '外酥里软'],
  ['牛肉锅盔', '酥脆多层'],
  ['荷叶蒸饭', '清香扑鼻'],
] as const;

/** Employee handbooks: the same kinds of rules at every company, with different numbers. */
export function zhHandbooks(random: () => number): DocumentPlan[] {
  return companies.map((company, i) => {
    const annual = 5 + i;
    const notice = 2 + i;
    const sick = 8 + i;
    const sickPct = 60 + (i % 4) * 10;
    const claimDays = 10 + i * 2;
    const hotel = 300 + i * 40;
    const remote = 1 + (i % 3);
    const probation = 1 + (i % 6);
    const probationPct = 70 + i * 2;
    const overtime = pick(random, ['1.5', '2', '3']);
    const lunch = 15 + i;
    return {
      id: `zh-handbook-${i + 1}`,
      filename: `${company}员工手册.md`,
      lang: 'zh',
      title: `${company}员工手册`,
      sections: [
        { heading: '总则', facts: [], filler: 6 },
        { heading: '考勤管理', facts: [], filler: 5 },
        {
          heading: '休假制度',
          filler: 5,
          facts: [
            {
              sentence: `正式员工每年享有${annual}天带薪年假，入职满五年后增加至${annual + 5}天。`,
              questions: [
                { kind: 'direct', question: `${company}的正式员工每年有多少天带薪年假？` },
                { kind: 'paraphrase', question: `在${company}上班，一年能休几天假？` },
              ],
            },
            {
              sentence: `申请年假须至少提前${notice}个工作日在办公系统中提交。`,
              questions: [
                { kind: 'direct', question: `${company}申请年假需要提前几个工作日提交？` },
                { kind: 'paraphrase', question: `想在${company}请个长假出去旅游，得多早跟公司说？` },
              ],
            },
            {
              sentence: `员工每年可享受${sick}天全薪病假，超出部分按基本工资的${sickPct}%发放。`,
              questions: [
                { kind: 'paraphrase', question: `${company}的人生病在家休息太久，工资还能拿多少？` },
                { kind: 'follow-up', question: `那${company}的病假呢？` },
              ],
            },
          ],
        },
        {
          heading: '费用报销',
          filler: 5,
          facts: [
            {
              sentence: `差旅费用须在出差结束后${claimDays}天内提交报销申请，逾期不予受理。`,
              questions: [
                { kind: 'direct', question: `${company}的差旅费用要在出差结束后多少天内报销？` },
                { kind: 'paraphrase', question: `${company}出差回来，发票最晚什么时候交？` },
              ],
            },
            {
              sentence: `出差住宿标准为每晚不超过${hotel}元，超出部分由员工自行承担。`,
              questions: [
                { kind: 'paraphrase', question: `${company}出差住酒店，一晚最多能报多少钱？` },
                { kind: 'follow-up', question: `${company}住宿呢，有上限吗？` },
              ],
            },
            {
              sentence: `加班至晚上九点后，可报销不超过${lunch}元的晚餐费用。`,
              questions: [{ kind: 'paraphrase', question: `在${company}加班到很晚，饭钱公司管吗？` }],
            },
          ],
        },
        {
          heading: '工作安排',
          filler: 5,
          facts: [
            {
              sentence: `经直属主管批准，员工每周最多可远程办公${remote}天，每月合计不超过${remote * 4 - (i % 4)}天。`,
              questions: [
                { kind: 'direct', question: `${company}每周最多可以远程办公几天？` },
                { kind: 'paraphrase', question: `${company}允许一周在家工作几天？` },
              ],
            },
            {
              sentence: `新员工试用期为${probation}个月，试用期工资为转正工资的${probationPct}%。`,
              questions: [
                { kind: 'direct', question: `${company}新员工的试用期是几个月？` },
                { kind: 'paraphrase', question: `刚进${company}的新人，头几个月拿全额工资吗？` },
              ],
            },
            {
              sentence: `工作日加班按小时工资的${overtime}倍支付加班费，也可在${i + 1}个月内选择调休。`,
              questions: [
                { kind: 'follow-up', question: `那${company}的加班费怎么算？` },
                { kind: 'direct', question: `${company}工作日加班费是小时工资的几倍？` },
              ],
            },
          ],
        },
        { heading: '信息安全', facts: [], filler: 5 },
        { heading: '附则', facts: [], filler: 4 },
      ],
    };
  });
}

/** City guides of made-up cities, so no model or reader knows the answers beforehand. */
export function zhCityGuides(): DocumentPlan[] {
  return cities.map((city, i) => {
    const short = city.replace(/市$/, '');
    const [dish, feature] = dishes[i]!;
    const population = 180 + i * 37;
    const lines = 3 + i;
    const first = `${5 + (i % 2)}:${i % 2 === 0 ? '30' : '50'}`;
    const year = 1120 + i * 61;
    return {
      id: `zh-city-${i + 1}`,
      filename: `${city}城市指南.md`,
      lang: 'zh',
      title: `${city}城市指南`,
      sections: [
        {
          heading: '概况',
          filler: 4,
          facts: [
            {
              sentence: `${short}常住人口约${population}万，下辖四个区和两个县。`,
              questions: [
                { kind: 'direct', question: `${city}的常住人口有多少？` },
                { kind: 'paraphrase', question: `${short}这座城市大概住着多少人？` },
              ],
            },
          ],
        },
        {
          heading: '交通',
          filler: 4,
          facts: [
            {
              sentence: `${short}地铁目前共有${lines}条线路，每天首班车${first}发车。`,
              questions: [
                { kind: 'paraphrase', question: `早上几点能在${short}坐上地铁？` },
                { kind: 'direct', question: `${city}地铁有几条线路？` },
              ],
            },
          ],
        },
        { heading: '住宿', facts: [], filler: 4 },
        {
          heading: '美食',
          filler: 3,
          facts: [
            {
              sentence: `来${short}一定要尝尝${dish}，这道小吃以${feature}著称。`,
              questions: [{ kind: 'paraphrase', question: `去${city}玩，有什么当地特色吃的推荐？` }],
            },
          ],
        },
        {
          heading: '历史',
          filler: 4,
          facts: [
            {
              sentence: `${short}古城始建于公元${year}年，现存城墙周长约${4 + i}公里。`,
              questions: [
                { kind: 'paraphrase', question: `${short}的老城区有多少年历史了，是什么时候建起来的？` },
                { kind: 'follow-up', question: `${short}的古城墙呢，有多长？` },
              ],
            },
          ],
        },
      ],
    };
  });
}

export const zhHandbookFiller = [
  '本制度适用于公司全体员工，由人力资源部负责解释和修订。',
  '各部门负责人应确保本部门员工知悉并遵守本手册的各项规定。',
  '如有疑问，请通过内部邮件或办公系统联系人力资源部。',
  '公司鼓励员工在工作与生活之间保持平衡，合理安排时间。',
  '所有申请均以办公系统中的记录为准，纸质材料仅作备份。',
  '相关标准将根据公司经营情况每年评估一次，并提前公告。',
  '员工应妥善保管个人账号，不得将账号借给他人使用。',
  '违反本规定的，公司将视情节轻重给予警告或其他处理。',
  '本章未尽事宜，参照国家有关法律法规执行。',
  '部门之间应加强沟通，共同营造良好的工作氛围。',
  '员工应按时上下班，因故不能到岗的应提前向主管说明情况。',
  '考勤记录每月汇总一次，由各部门负责人核对确认。',
  '外出办事须在系统中登记去向和预计返回时间。',
  '公司电脑须安装统一的安全软件，禁止自行卸载。',
  '涉及客户信息的文件不得通过个人邮箱或网盘传输。',
  '离开座位时应锁定屏幕，重要文件应及时归档。',
  '发现信息安全隐患应立即报告信息技术部。',
  '员工的个人信息仅用于人事管理，公司将依法予以保护。',
  '公司定期组织培训，帮助员工提升专业能力。',
  '员工之间应相互尊重，禁止任何形式的歧视和骚扰。',
  '对外发布的信息须经公司相关部门审核。',
  '办公区域内请保持安静整洁，爱护公共设施。',
  '各项费用标准以财务部最新发布的通知为准。',
  '员工调岗、晋升按照公司绩效考核结果办理。',
];

export const zhCityFiller = [
  '这里四季分明，春秋两季最适合出游。',
  '城市交通便利，公交线路覆盖主要景点和商圈。',
  '节假日期间游客较多，建议提前预订住宿。',
  '当地居民热情好客，街头巷尾充满生活气息。',
  '市区有多座博物馆和公园，大部分免费向公众开放。',
  '夜晚的江边灯火通明，是散步和拍照的好去处。',
  '市中心的步行街汇集了众多老字号商铺。',
  '城市周边有多处自然保护区，适合徒步和骑行。',
  '火车站和汽车站都位于城区，换乘十分方便。',
  '酒店和民宿数量众多，价格丰俭由人。',
  '旅游旺季时部分景点需要提前在网上预约。',
  '夏季气温较高，出行请注意防暑降温。',
  '老街两旁保留着许多传统民居，值得细细品味。',
  '每逢周末，广场上常有市民自发组织的文艺表演。',
  '出租车和网约车都很容易叫到，起步价不高。',
  '城市图书馆藏书丰富，阅览室对游客开放。',
];
