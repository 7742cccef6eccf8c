//! Sample stage: the vocabulary of the sample data — industries with the national size
//! standard's bounds, regions with their administrative codes, modules, products and names.

/// A free-text industry as ledgers write it, with the bounds of the national standard
/// (统计上大中小微型企业划分办法 2017) of the standard industry it belongs to.
#[derive(Debug)]
pub(crate) struct Industry {
    /// 所属行业 as the ledger writes it.
    pub text: &'static str,
    /// Words used in company names of this industry.
    pub name_words: &'static [&'static str],
    /// How common the industry is among the customers.
    pub weight: f64,
    /// Lower bounds of small, medium and large for 从业人员 X (人), if the standard lists X.
    pub x: Option<[f64; 3]>,
    /// The same for 营业收入 Y (万元).
    pub y: Option<[f64; 3]>,
    /// The same for 资产总额 Z (万元).
    pub z: Option<[f64; 3]>,
    /// Typical revenue per employee, 万元 (fills the indicators the standard does not list).
    pub revenue_per_head: f64,
    /// Indices into `MODULES` this industry tends to buy.
    pub typical_modules: &'static [usize],
}

const INDUSTRY_X: Option<[f64; 3]> = Some([20.0, 300.0, 1000.0]);
const INDUSTRY_Y: Option<[f64; 3]> = Some([300.0, 2000.0, 40000.0]);

/// The industries of the sample customers.
pub(crate) const INDUSTRIES: &[Industry] = &[
    Industry {
        text: "汽车零部件制造",
        name_words: &["汽车零部件", "汽车配件", "精密机械"],
        weight: 8.0,
        x: INDUSTRY_X,
        y: INDUSTRY_Y,
        z: None,
        revenue_per_head: 60.0,
        typical_modules: &[2, 7, 10],
    },
    Industry {
        text: "五金制品制造",
        name_words: &["五金制品", "五金", "金属制品"],
        weight: 8.0,
        x: INDUSTRY_X,
        y: INDUSTRY_Y,
        z: None,
        revenue_per_head: 45.0,
        typical_modules: &[2, 7],
    },
    Industry {
        text: "电子元器件制造",
        name_words: &["电子科技", "电子", "光电科技"],
        weight: 6.0,
        x: INDUSTRY_X,
        y: INDUSTRY_Y,
        z: None,
        revenue_per_head: 55.0,
        typical_modules: &[2, 7, 1],
    },
    Industry {
        text: "塑料制品制造",
        name_words: &["塑胶制品", "塑料", "新材料"],
        weight: 4.0,
        x: INDUSTRY_X,
        y: INDUSTRY_Y,
        z: None,
        revenue_per_head: 40.0,
        typical_modules: &[2, 7],
    },
    Industry {
        text: "食品加工",
        name_words: &["食品", "食品科技"],
        weight: 4.0,
        x: INDUSTRY_X,
        y: INDUSTRY_Y,
        z: None,
        revenue_per_head: 50.0,
        typical_modules: &[2, 7, 3],
    },
    Industry {
        text: "软件开发",
        name_words: &["软件", "信息技术", "网络科技", "数据科技"],
        weight: 8.0,
        x: Some([10.0, 100.0, 300.0]),
        y: Some([50.0, 1000.0, 10000.0]),
        z: None,
        revenue_per_head: 35.0,
        typical_modules: &[6, 8, 11],
    },
    Industry {
        text: "连锁超市",
        name_words: &["超市", "便利连锁", "百货"],
        weight: 5.0,
        x: Some([10.0, 50.0, 300.0]),
        y: Some([100.0, 500.0, 20000.0]),
        z: None,
        revenue_per_head: 30.0,
        typical_modules: &[7, 5],
    },
    Industry {
        text: "装饰装修工程",
        name_words: &["装饰工程", "建筑装饰", "装饰设计"],
        weight: 7.0,
        x: None,
        y: Some([300.0, 6000.0, 80000.0]),
        z: Some([300.0, 5000.0, 80000.0]),
        revenue_per_head: 40.0,
        typical_modules: &[6, 9],
    },
    Industry {
        text: "建筑工程",
        name_words: &["建设工程", "建筑工程", "建工"],
        weight: 6.0,
        x: None,
        y: Some([300.0, 6000.0, 80000.0]),
        z: Some([300.0, 5000.0, 80000.0]),
        revenue_per_head: 55.0,
        typical_modules: &[6, 9, 5],
    },
    Industry {
        text: "物业服务",
        name_words: &["物业管理", "物业服务"],
        weight: 5.0,
        x: Some([100.0, 300.0, 1000.0]),
        y: Some([500.0, 1000.0, 5000.0]),
        z: None,
        revenue_per_head: 8.0,
        typical_modules: &[8, 11],
    },
    Industry {
        text: "货物仓储",
        name_words: &["仓储", "供应链管理", "仓储物流"],
        weight: 3.0,
        x: Some([20.0, 100.0, 200.0]),
        y: Some([100.0, 1000.0, 30000.0]),
        z: None,
        revenue_per_head: 30.0,
        typical_modules: &[7, 10],
    },
    Industry {
        text: "酒店",
        name_words: &["酒店管理", "酒店", "宾馆"],
        weight: 3.0,
        x: Some([10.0, 100.0, 300.0]),
        y: Some([100.0, 2000.0, 10000.0]),
        z: None,
        revenue_per_head: 15.0,
        typical_modules: &[8, 7],
    },
    Industry {
        text: "餐饮",
        name_words: &["餐饮管理", "餐饮", "美食"],
        weight: 5.0,
        x: Some([10.0, 100.0, 300.0]),
        y: Some([100.0, 2000.0, 10000.0]),
        z: None,
        revenue_per_head: 12.0,
        typical_modules: &[7, 5],
    },
    Industry {
        text: "物流运输",
        name_words: &["物流", "运输", "货运"],
        weight: 5.0,
        x: Some([20.0, 300.0, 1000.0]),
        y: Some([200.0, 3000.0, 30000.0]),
        z: None,
        revenue_per_head: 30.0,
        typical_modules: &[5, 8, 10],
    },
    Industry {
        text: "批发贸易",
        name_words: &["贸易", "商贸", "进出口"],
        weight: 9.0,
        x: Some([5.0, 20.0, 200.0]),
        y: Some([1000.0, 5000.0, 40000.0]),
        z: None,
        revenue_per_head: 150.0,
        typical_modules: &[7, 5, 8],
    },
    Industry {
        text: "房地产开发",
        name_words: &["房地产开发", "置业", "地产"],
        weight: 3.0,
        x: None,
        y: Some([100.0, 1000.0, 200000.0]),
        z: Some([2000.0, 5000.0, 10000.0]),
        revenue_per_head: 200.0,
        typical_modules: &[6, 9, 5],
    },
    Industry {
        text: "广告设计",
        name_words: &["广告", "文化传媒", "品牌设计"],
        weight: 4.0,
        x: Some([10.0, 100.0, 300.0]),
        y: None,
        z: Some([100.0, 8000.0, 120000.0]),
        revenue_per_head: 25.0,
        typical_modules: &[6, 8],
    },
    Industry {
        text: "农业种植",
        name_words: &["农业发展", "生态农业", "农业科技"],
        weight: 2.0,
        x: None,
        y: Some([50.0, 500.0, 20000.0]),
        z: None,
        revenue_per_head: 20.0,
        typical_modules: &[2, 10],
    },
];

/// A region: how the ledger writes it, its short form in company names, and its code in
/// 统一社会信用代码.
#[derive(Debug)]
pub(crate) struct Region {
    /// 地区 as the ledger writes it.
    pub text: &'static str,
    /// The city as it starts a company name.
    pub short: &'static str,
    /// Administrative division code (6 digits).
    pub admin_code: &'static str,
}

macro_rules! regions {
    ($(($text:literal, $short:literal, $code:literal)),* $(,)?) => {
        &[$(Region { text: $text, short: $short, admin_code: $code }),*]
    };
}

/// The regions of the sample customers.
pub(crate) const REGIONS: &[Region] = regions![
    ("江苏省苏州市", "苏州", "320505"),
    ("江苏省无锡市", "无锡", "320214"),
    ("江苏省南京市", "南京", "320106"),
    ("江苏省常州市", "常州", "320411"),
    ("浙江省杭州市", "杭州", "330106"),
    ("浙江省宁波市", "宁波", "330212"),
    ("浙江省温州市", "温州", "330302"),
    ("浙江省台州市", "台州", "331002"),
    ("广东省深圳市", "深圳", "440305"),
    ("广东省广州市", "广州", "440106"),
    ("广东省东莞市", "东莞", "441900"),
    ("广东省佛山市", "佛山", "440606"),
    ("上海市", "上海", "310115"),
    ("北京市", "北京", "110105"),
    ("天津市", "天津", "120116"),
    ("重庆市", "重庆", "500112"),
    ("山东省青岛市", "青岛", "370212"),
    ("山东省济南市", "济南", "370102"),
    ("福建省厦门市", "厦门", "350206"),
    ("四川省成都市", "成都", "510107"),
    ("湖北省武汉市", "武汉", "420106"),
    ("河南省郑州市", "郑州", "410105"),
    ("湖南省长沙市", "长沙", "430104"),
    ("安徽省合肥市", "合肥", "340104"),
    ("陕西省西安市", "西安", "610113"),
];

/// Finance-software modules (已购模块 / 需求模块 / 功能模块).
pub(crate) const MODULES: &[&str] = &[
    "基础财务核算",
    "预算管理",
    "成本控制",
    "税务管理",
    "报表分析",
    "资金管理",
    "项目管理",
    "进销存",
    "应收管理",
    "合同管理",
    "固定资产",
    "薪资管理",
];

/// Product editions (产品版本) by size class; 定制开发 customers get the last one.
pub(crate) const EDITIONS: &[&str] = &["轻量版", "标准版", "专业版", "旗舰版", "定制版"];

/// What a transaction line sells, by payment model.
pub(crate) const SUBSCRIPTION_PRODUCTS: &[&str] = &[
    "财务云标准版年费",
    "财务云专业版年费",
    "模块订阅年费",
    "用户数扩容年费",
    "运维服务年费",
];
/// See `SUBSCRIPTION_PRODUCTS`.
pub(crate) const ONE_OFF_PRODUCTS: &[&str] = &[
    "财务软件标准版授权",
    "财务软件专业版授权",
    "站点授权",
    "模块授权",
    "实施服务",
    "培训服务",
];
/// See `SUBSCRIPTION_PRODUCTS`.
pub(crate) const CUSTOM_PRODUCTS: &[&str] = &[
    "二次开发",
    "定制开发项目款",
    "实施服务",
    "接口开发",
    "运维服务年费",
];

/// Characters of 字号 (trade names).
pub(crate) const TRADE_NAME_CHARS: &[char] = &[
    '华', '鑫', '恒', '盛', '达', '宏', '泰', '瑞', '丰', '源', '德', '嘉', '隆', '信', '诚', '金',
    '通', '海', '新', '远', '安', '正', '昌', '凯', '利', '捷', '博', '中', '天', '宇', '明', '辉',
    '众', '汇', '立', '兴', '佳', '永', '润', '祥', '晟', '禾', '科', '创', '鼎', '锦', '联', '腾',
    '峰', '航', '益', '顺', '康', '福', '光', '振', '奥', '力', '星', '合',
];

/// 有限公司 and its kin.
pub(crate) const COMPANY_SUFFIXES: &[&str] = &["有限公司", "有限公司", "有限公司", "有限责任公司"];

/// Common surnames.
pub(crate) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
];

/// 业务员 of the selling company.
pub(crate) const SALESPEOPLE: &[&str] = &[
    "王建国",
    "李娜",
    "张伟",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "周敏",
    "吴昊",
    "孙丽",
];

/// Residential compounds (小区) for the decoration sample.
pub(crate) const COMPOUNDS: &[&str] = &[
    "翠湖天地",
    "万科城",
    "碧桂园",
    "保利花园",
    "绿城桂花园",
    "龙湖春江郦城",
    "中海国际社区",
    "金地格林小镇",
    "华润城",
    "招商雍华府",
    "融创壹号院",
    "世茂滨江花园",
    "恒大名都",
    "阳光城",
    "滨江金色蓝庭",
    "新城玺樾",
    "旭辉公元",
    "雅居乐花园",
    "富力湾",
    "星河湾",
];

/// 装修风格.
pub(crate) const STYLES: &[&str] = &["简约", "现代", "中式", "欧式", "北欧", "轻奢", "工业风"];

/// 客户阶段 of a decoration customer, in the order a project goes through them.
pub(crate) const STAGES: &[&str] = &["意向", "量房", "设计", "签约", "施工", "竣工", "售后"];

/// 设计师 of the decoration company.
pub(crate) const DESIGNERS: &[&str] = &["沈一凡", "顾晓", "陆明", "邵婷", "方可", "钱晨"];
