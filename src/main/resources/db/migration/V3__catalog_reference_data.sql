-- Reference data shipped with the product (SPEC §3). Catalog rows carry explicit ids because the rows below refer
-- to them; the numbering (series × 100 for titles, series × 1000 for specialties) only keeps this file readable.
-- Names follow the national title reforms of 2015–2022 (工程技术, 卫生, 中小学/高等学校教师, 经济, 会计, 统计,
-- 农业): 初级 split into 员级 and 助理级 where the series has both; 会计, 经济 and 统计 have no 员级 title.

INSERT INTO title_level (id, code, name, full_time_recognition, sort_order) VALUES
    (1, 'YUAN',     '员级',   TRUE,  1),
    (2, 'ZHULI',    '助理级', TRUE,  2),
    (3, 'ZHONGJI',  '中级',   TRUE,  3),
    (4, 'FUGAO',    '副高级', FALSE, 4),
    (5, 'ZHENGGAO', '正高级', FALSE, 5);

INSERT INTO title_series (id, code, name, sort_order) VALUES
    (1, 'GONGCHENG', '工程', 1),
    (2, 'WEISHENG',  '卫生', 2),
    (3, 'JIAOYU',    '教育', 3),
    (4, 'JINGJI',    '经济', 4),
    (5, 'KUAIJI',    '会计', 5),
    (6, 'TONGJI',    '统计', 6),
    (7, 'NONGYE',    '农业', 7);

INSERT INTO title_track (id, code, series_id, name, sort_order) VALUES
    (1, 'WEISHENG_YI',  2, '医疗',         1),
    (2, 'WEISHENG_YAO', 2, '药学',         2),
    (3, 'WEISHENG_HU',  2, '护理',         3),
    (4, 'WEISHENG_JI',  2, '技术',         4),
    (5, 'JIAOYU_ZXX',   3, '中小学教师',   1),
    (6, 'JIAOYU_GX',    3, '高等学校教师', 2),
    (7, 'NONGYE_NY',    7, '农艺',         1),
    (8, 'NONGYE_XM',    7, '畜牧',         2),
    (9, 'NONGYE_SY',    7, '兽医',         3);

-- level ids: 1 员级, 2 助理级, 3 中级, 4 副高级, 5 正高级
INSERT INTO title (id, code, series_id, level_id, track_id, name, sort_order) VALUES
    (101, 'GONGCHENG_YUAN',     1, 1, NULL, '技术员',       1),
    (102, 'GONGCHENG_ZHULI',    1, 2, NULL, '助理工程师',   2),
    (103, 'GONGCHENG_ZHONGJI',  1, 3, NULL, '工程师',       3),
    (104, 'GONGCHENG_FUGAO',    1, 4, NULL, '高级工程师',   4),
    (105, 'GONGCHENG_ZHENGGAO', 1, 5, NULL, '正高级工程师', 5),

    (201, 'WEISHENG_YI_YUAN',      2, 1, 1, '医士',       1),
    (202, 'WEISHENG_YI_ZHULI',     2, 2, 1, '医师',       2),
    (203, 'WEISHENG_YI_ZHONGJI',   2, 3, 1, '主治医师',   3),
    (204, 'WEISHENG_YI_FUGAO',     2, 4, 1, '副主任医师', 4),
    (205, 'WEISHENG_YI_ZHENGGAO',  2, 5, 1, '主任医师',   5),
    (206, 'WEISHENG_YAO_YUAN',     2, 1, 2, '药士',       6),
    (207, 'WEISHENG_YAO_ZHULI',    2, 2, 2, '药师',       7),
    (208, 'WEISHENG_YAO_ZHONGJI',  2, 3, 2, '主管药师',   8),
    (209, 'WEISHENG_YAO_FUGAO',    2, 4, 2, '副主任药师', 9),
    (210, 'WEISHENG_YAO_ZHENGGAO', 2, 5, 2, '主任药师',   10),
    (211, 'WEISHENG_HU_YUAN',      2, 1, 3, '护士',       11),
    (212, 'WEISHENG_HU_ZHULI',     2, 2, 3, '护师',       12),
    (213, 'WEISHENG_HU_ZHONGJI',   2, 3, 3, '主管护师',   13),
    (214, 'WEISHENG_HU_FUGAO',     2, 4, 3, '副主任护师', 14),
    (215, 'WEISHENG_HU_ZHENGGAO',  2, 5, 3, '主任护师',   15),
    (216, 'WEISHENG_JI_YUAN',      2, 1, 4, '技士',       16),
    (217, 'WEISHENG_JI_ZHULI',     2, 2, 4, '技师',       17),
    (218, 'WEISHENG_JI_ZHONGJI',   2, 3, 4, '主管技师',   18),
    (219, 'WEISHENG_JI_FUGAO',     2, 4, 4, '副主任技师', 19),
    (220, 'WEISHENG_JI_ZHENGGAO',  2, 5, 4, '主任技师',   20),

    -- 高等学校教师: 初级 has only 助理级 (助教)
    (301, 'JIAOYU_ZXX_YUAN',     3, 1, 5, '三级教师',   1),
    (302, 'JIAOYU_ZXX_ZHULI',    3, 2, 5, '二级教师',   2),
    (303, 'JIAOYU_ZXX_ZHONGJI',  3, 3, 5, '一级教师',   3),
    (304, 'JIAOYU_ZXX_FUGAO',    3, 4, 5, '高级教师',   4),
    (305, 'JIAOYU_ZXX_ZHENGGAO', 3, 5, 5, '正高级教师', 5),
    (306, 'JIAOYU_GX_ZHULI',     3, 2, 6, '助教',       6),
    (307, 'JIAOYU_GX_ZHONGJI',   3, 3, 6, '讲师',       7),
    (308, 'JIAOYU_GX_FUGAO',     3, 4, 6, '副教授',     8),
    (309, 'JIAOYU_GX_ZHENGGAO',  3, 5, 6, '教授',       9),

    (401, 'JINGJI_ZHULI',    4, 2, NULL, '助理经济师',   1),
    (402, 'JINGJI_ZHONGJI',  4, 3, NULL, '经济师',       2),
    (403, 'JINGJI_FUGAO',    4, 4, NULL, '高级经济师',   3),
    (404, 'JINGJI_ZHENGGAO', 4, 5, NULL, '正高级经济师', 4),

    (501, 'KUAIJI_ZHULI',    5, 2, NULL, '助理会计师',   1),
    (502, 'KUAIJI_ZHONGJI',  5, 3, NULL, '会计师',       2),
    (503, 'KUAIJI_FUGAO',    5, 4, NULL, '高级会计师',   3),
    (504, 'KUAIJI_ZHENGGAO', 5, 5, NULL, '正高级会计师', 4),

    (601, 'TONGJI_ZHULI',    6, 2, NULL, '助理统计师',   1),
    (602, 'TONGJI_ZHONGJI',  6, 3, NULL, '统计师',       2),
    (603, 'TONGJI_FUGAO',    6, 4, NULL, '高级统计师',   3),
    (604, 'TONGJI_ZHENGGAO', 6, 5, NULL, '正高级统计师', 4),

    -- 农业: one 技术员 for all tracks, then 农艺师 (畜牧师, 兽医师) lines
    (701, 'NONGYE_YUAN',        7, 1, NULL, '技术员',       1),
    (702, 'NONGYE_NY_ZHULI',    7, 2, 7,    '助理农艺师',   2),
    (703, 'NONGYE_NY_ZHONGJI',  7, 3, 7,    '农艺师',       3),
    (704, 'NONGYE_NY_FUGAO',    7, 4, 7,    '高级农艺师',   4),
    (705, 'NONGYE_NY_ZHENGGAO', 7, 5, 7,    '正高级农艺师', 5),
    (706, 'NONGYE_XM_ZHULI',    7, 2, 8,    '助理畜牧师',   6),
    (707, 'NONGYE_XM_ZHONGJI',  7, 3, 8,    '畜牧师',       7),
    (708, 'NONGYE_XM_FUGAO',    7, 4, 8,    '高级畜牧师',   8),
    (709, 'NONGYE_XM_ZHENGGAO', 7, 5, 8,    '正高级畜牧师', 9),
    (710, 'NONGYE_SY_ZHULI',    7, 2, 9,    '助理兽医师',   10),
    (711, 'NONGYE_SY_ZHONGJI',  7, 3, 9,    '兽医师',       11),
    (712, 'NONGYE_SY_FUGAO',    7, 4, 9,    '高级兽医师',   12),
    (713, 'NONGYE_SY_ZHENGGAO', 7, 5, 9,    '正高级兽医师', 13);

-- 申报方式 of full-time recognition (初次认定): whole years of professional work after graduation.
-- 中专 and 大专 graduates reach 员级 after one year; 大专 reaches 助理级 after three years and 中专 after five
-- (员级 plus four); 本科 reaches 助理级 when the one-year probation (见习期) ends; a double bachelor's degree and
-- a master's degree give 助理级 at once; a master's degree plus three years, or a doctorate, give 中级.
INSERT INTO declaration_method (id, code, name, level_id, required_education, required_years, sort_order) VALUES
    (1, 'ZHONGZHUAN_1Y', '全日制中专毕业从事专业技术工作满一年',       1, 'SECONDARY_VOCATIONAL', 1, 1),
    (2, 'DAZHUAN_1Y',    '全日制大专毕业从事专业技术工作满一年',       1, 'JUNIOR_COLLEGE',       1, 2),
    (3, 'ZHONGZHUAN_5Y', '全日制中专毕业从事专业技术工作满五年',       2, 'SECONDARY_VOCATIONAL', 5, 3),
    (4, 'DAZHUAN_3Y',    '全日制大专毕业从事专业技术工作满三年',       2, 'JUNIOR_COLLEGE',       3, 4),
    (5, 'BENKE_1Y',      '全日制大学本科毕业见习期满一年',             2, 'BACHELOR',             1, 5),
    (6, 'SHUANGXUESHI',  '全日制双学士学位（第二学士学位）获得者',     2, 'BACHELOR',             0, 6),
    (7, 'SHUOSHI',       '硕士研究生毕业',                             2, 'MASTER',               0, 7),
    (8, 'SHUOSHI_3Y',    '硕士研究生毕业从事专业技术工作满三年',       3, 'MASTER',               3, 8),
    (9, 'BOSHI',         '博士研究生毕业',                             3, 'DOCTORATE',            0, 9);

-- 工程: one list for every title of the series
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (1001, 'GONGCHENG_001', 1, NULL, '机械工程', 1),
    (1002, 'GONGCHENG_002', 1, NULL, '电气工程', 2),
    (1003, 'GONGCHENG_003', 1, NULL, '电子信息工程', 3),
    (1004, 'GONGCHENG_004', 1, NULL, '通信工程', 4),
    (1005, 'GONGCHENG_005', 1, NULL, '计算机应用技术', 5),
    (1006, 'GONGCHENG_006', 1, NULL, '自动化', 6),
    (1007, 'GONGCHENG_007', 1, NULL, '土木工程', 7),
    (1008, 'GONGCHENG_008', 1, NULL, '建筑工程', 8),
    (1009, 'GONGCHENG_009', 1, NULL, '给排水工程', 9),
    (1010, 'GONGCHENG_010', 1, NULL, '暖通工程', 10),
    (1011, 'GONGCHENG_011', 1, NULL, '化学工程', 11),
    (1012, 'GONGCHENG_012', 1, NULL, '环境工程', 12),
    (1013, 'GONGCHENG_013', 1, NULL, '测绘工程', 13),
    (1014, 'GONGCHENG_014', 1, NULL, '交通运输工程', 14),
    (1015, 'GONGCHENG_015', 1, NULL, '水利工程', 15),
    (1016, 'GONGCHENG_016', 1, NULL, '材料工程', 16),
    (1017, 'GONGCHENG_017', 1, NULL, '冶金工程', 17),
    (1018, 'GONGCHENG_018', 1, NULL, '矿业工程', 18),
    (1019, 'GONGCHENG_019', 1, NULL, '地质勘查', 19),
    (1020, 'GONGCHENG_020', 1, NULL, '石油天然气工程', 20),
    (1021, 'GONGCHENG_021', 1, NULL, '纺织工程', 21),
    (1022, 'GONGCHENG_022', 1, NULL, '食品工程', 22),
    (1023, 'GONGCHENG_023', 1, NULL, '城乡规划', 23),
    (1024, 'GONGCHENG_024', 1, NULL, '安全工程', 24);

-- 卫生: per track (1 医疗, 2 药学, 3 护理, 4 技术)
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (2001, 'WEISHENG_001', 2, 1, '全科医学', 1),
    (2002, 'WEISHENG_002', 2, 1, '内科学', 2),
    (2003, 'WEISHENG_003', 2, 1, '外科学', 3),
    (2004, 'WEISHENG_004', 2, 1, '妇产科学', 4),
    (2005, 'WEISHENG_005', 2, 1, '儿科学', 5),
    (2006, 'WEISHENG_006', 2, 1, '眼科学', 6),
    (2007, 'WEISHENG_007', 2, 1, '耳鼻咽喉科学', 7),
    (2008, 'WEISHENG_008', 2, 1, '口腔医学', 8),
    (2009, 'WEISHENG_009', 2, 1, '皮肤与性病学', 9),
    (2010, 'WEISHENG_010', 2, 1, '精神病学', 10),
    (2011, 'WEISHENG_011', 2, 1, '麻醉学', 11),
    (2012, 'WEISHENG_012', 2, 1, '急诊医学', 12),
    (2013, 'WEISHENG_013', 2, 1, '康复医学', 13),
    (2014, 'WEISHENG_014', 2, 1, '放射医学', 14),
    (2015, 'WEISHENG_015', 2, 1, '中医内科学', 15),
    (2016, 'WEISHENG_016', 2, 1, '预防医学', 16),
    (2017, 'WEISHENG_017', 2, 2, '药学', 17),
    (2018, 'WEISHENG_018', 2, 2, '临床药学', 18),
    (2019, 'WEISHENG_019', 2, 2, '中药学', 19),
    (2020, 'WEISHENG_020', 2, 2, '中药临床药学', 20),
    (2021, 'WEISHENG_021', 2, 3, '护理学', 21),
    (2022, 'WEISHENG_022', 2, 3, '内科护理', 22),
    (2023, 'WEISHENG_023', 2, 3, '外科护理', 23),
    (2024, 'WEISHENG_024', 2, 3, '妇产科护理', 24),
    (2025, 'WEISHENG_025', 2, 3, '儿科护理', 25),
    (2026, 'WEISHENG_026', 2, 3, '社区护理', 26),
    (2027, 'WEISHENG_027', 2, 4, '临床医学检验技术', 27),
    (2028, 'WEISHENG_028', 2, 4, '放射医学技术', 28),
    (2029, 'WEISHENG_029', 2, 4, '病理学技术', 29),
    (2030, 'WEISHENG_030', 2, 4, '康复医学治疗技术', 30),
    (2031, 'WEISHENG_031', 2, 4, '核医学技术', 31),
    (2032, 'WEISHENG_032', 2, 4, '心电学技术', 32),
    (2033, 'WEISHENG_033', 2, 4, '肿瘤放射治疗技术', 33),
    (2034, 'WEISHENG_034', 2, 4, '输血技术', 34),
    (2035, 'WEISHENG_035', 2, 4, '口腔医学技术', 35),
    (2036, 'WEISHENG_036', 2, 4, '营养', 36);

-- 教育: per track (5 中小学教师 incl. 幼儿园, 6 高等学校教师: the 学科门类)
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (3001, 'JIAOYU_001', 3, 5, '学前教育', 1),
    (3002, 'JIAOYU_002', 3, 5, '语文', 2),
    (3003, 'JIAOYU_003', 3, 5, '数学', 3),
    (3004, 'JIAOYU_004', 3, 5, '英语', 4),
    (3005, 'JIAOYU_005', 3, 5, '思想政治', 5),
    (3006, 'JIAOYU_006', 3, 5, '历史', 6),
    (3007, 'JIAOYU_007', 3, 5, '地理', 7),
    (3008, 'JIAOYU_008', 3, 5, '物理', 8),
    (3009, 'JIAOYU_009', 3, 5, '化学', 9),
    (3010, 'JIAOYU_010', 3, 5, '生物', 10),
    (3011, 'JIAOYU_011', 3, 5, '科学', 11),
    (3012, 'JIAOYU_012', 3, 5, '音乐', 12),
    (3013, 'JIAOYU_013', 3, 5, '体育与健康', 13),
    (3014, 'JIAOYU_014', 3, 5, '美术', 14),
    (3015, 'JIAOYU_015', 3, 5, '信息技术', 15),
    (3016, 'JIAOYU_016', 3, 5, '心理健康教育', 16),
    (3017, 'JIAOYU_017', 3, 6, '哲学', 17),
    (3018, 'JIAOYU_018', 3, 6, '经济学', 18),
    (3019, 'JIAOYU_019', 3, 6, '法学', 19),
    (3020, 'JIAOYU_020', 3, 6, '教育学', 20),
    (3021, 'JIAOYU_021', 3, 6, '文学', 21),
    (3022, 'JIAOYU_022', 3, 6, '历史学', 22),
    (3023, 'JIAOYU_023', 3, 6, '理学', 23),
    (3024, 'JIAOYU_024', 3, 6, '工学', 24),
    (3025, 'JIAOYU_025', 3, 6, '农学', 25),
    (3026, 'JIAOYU_026', 3, 6, '医学', 26),
    (3027, 'JIAOYU_027', 3, 6, '管理学', 27),
    (3028, 'JIAOYU_028', 3, 6, '艺术学', 28);

-- 经济: the specialties of the national 经济专业技术资格
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (4001, 'JINGJI_001', 4, NULL, '工商管理', 1),
    (4002, 'JINGJI_002', 4, NULL, '农业经济', 2),
    (4003, 'JINGJI_003', 4, NULL, '财政税收', 3),
    (4004, 'JINGJI_004', 4, NULL, '金融', 4),
    (4005, 'JINGJI_005', 4, NULL, '保险', 5),
    (4006, 'JINGJI_006', 4, NULL, '运输经济', 6),
    (4007, 'JINGJI_007', 4, NULL, '人力资源管理', 7),
    (4008, 'JINGJI_008', 4, NULL, '旅游经济', 8),
    (4009, 'JINGJI_009', 4, NULL, '建筑与房地产经济', 9),
    (4010, 'JINGJI_010', 4, NULL, '知识产权', 10);

-- 会计: the series has no official specialties; these are the fields of accounting work
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (5001, 'KUAIJI_001', 5, NULL, '财务会计', 1),
    (5002, 'KUAIJI_002', 5, NULL, '管理会计', 2),
    (5003, 'KUAIJI_003', 5, NULL, '成本会计', 3),
    (5004, 'KUAIJI_004', 5, NULL, '财务管理', 4),
    (5005, 'KUAIJI_005', 5, NULL, '审计', 5),
    (5006, 'KUAIJI_006', 5, NULL, '税务会计', 6),
    (5007, 'KUAIJI_007', 5, NULL, '预算管理', 7),
    (5008, 'KUAIJI_008', 5, NULL, '内部控制', 8),
    (5009, 'KUAIJI_009', 5, NULL, '政府会计', 9),
    (5010, 'KUAIJI_010', 5, NULL, '会计信息化', 10);

-- 统计: likewise the fields of statistical work
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (6001, 'TONGJI_001', 6, NULL, '综合统计', 1),
    (6002, 'TONGJI_002', 6, NULL, '国民经济核算', 2),
    (6003, 'TONGJI_003', 6, NULL, '工业统计', 3),
    (6004, 'TONGJI_004', 6, NULL, '农业统计', 4),
    (6005, 'TONGJI_005', 6, NULL, '能源统计', 5),
    (6006, 'TONGJI_006', 6, NULL, '贸易统计', 6),
    (6007, 'TONGJI_007', 6, NULL, '投资统计', 7),
    (6008, 'TONGJI_008', 6, NULL, '人口与就业统计', 8),
    (6009, 'TONGJI_009', 6, NULL, '社会统计', 9),
    (6010, 'TONGJI_010', 6, NULL, '统计调查', 10),
    (6011, 'TONGJI_011', 6, NULL, '统计分析', 11),
    (6012, 'TONGJI_012', 6, NULL, '统计信息化', 12);

-- 农业: per track (7 农艺, 8 畜牧, 9 兽医); 技术员 (no track) offers all of them
INSERT INTO specialty (id, code, series_id, track_id, name, sort_order) VALUES
    (7001, 'NONGYE_001', 7, 7, '作物栽培与耕作', 1),
    (7002, 'NONGYE_002', 7, 7, '作物遗传育种', 2),
    (7003, 'NONGYE_003', 7, 7, '种子', 3),
    (7004, 'NONGYE_004', 7, 7, '植物保护', 4),
    (7005, 'NONGYE_005', 7, 7, '植物检疫', 5),
    (7006, 'NONGYE_006', 7, 7, '土壤肥料', 6),
    (7007, 'NONGYE_007', 7, 7, '园艺', 7),
    (7008, 'NONGYE_008', 7, 7, '农业资源与环境', 8),
    (7009, 'NONGYE_009', 7, 7, '农产品质量安全', 9),
    (7010, 'NONGYE_010', 7, 8, '动物遗传育种与繁殖', 10),
    (7011, 'NONGYE_011', 7, 8, '动物营养与饲料', 11),
    (7012, 'NONGYE_012', 7, 8, '畜禽养殖', 12),
    (7013, 'NONGYE_013', 7, 8, '草业', 13),
    (7014, 'NONGYE_014', 7, 8, '畜产品质量安全', 14),
    (7015, 'NONGYE_015', 7, 9, '兽医临床', 15),
    (7016, 'NONGYE_016', 7, 9, '动物疫病防控', 16),
    (7017, 'NONGYE_017', 7, 9, '动物检疫', 17),
    (7018, 'NONGYE_018', 7, 9, '兽药', 18),
    (7019, 'NONGYE_019', 7, 9, '兽医公共卫生', 19);

-- 行政区划: 山东省 and its 16 prefecture-level cities (莱芜市 joined 济南市 in 2019: now 莱芜区 and 钢城区), with
-- the districts and counties of 济南市 and 青岛市. Parents come before children (the foreign key is checked per row).
INSERT INTO region (code, name, kind, parent_code, sort_order) VALUES
    ('370000', '山东省', 'PROVINCE', NULL, 1);

INSERT INTO region (code, name, kind, parent_code, sort_order) VALUES
    ('370100', '济南市', 'CITY', '370000', 1),
    ('370200', '青岛市', 'CITY', '370000', 2),
    ('370300', '淄博市', 'CITY', '370000', 3),
    ('370400', '枣庄市', 'CITY', '370000', 4),
    ('370500', '东营市', 'CITY', '370000', 5),
    ('370600', '烟台市', 'CITY', '370000', 6),
    ('370700', '潍坊市', 'CITY', '370000', 7),
    ('370800', '济宁市', 'CITY', '370000', 8),
    ('370900', '泰安市', 'CITY', '370000', 9),
    ('371000', '威海市', 'CITY', '370000', 10),
    ('371100', '日照市', 'CITY', '370000', 11),
    ('371300', '临沂市', 'CITY', '370000', 12),
    ('371400', '德州市', 'CITY', '370000', 13),
    ('371500', '聊城市', 'CITY', '370000', 14),
    ('371600', '滨州市', 'CITY', '370000', 15),
    ('371700', '菏泽市', 'CITY', '370000', 16);

INSERT INTO region (code, name, kind, parent_code, sort_order) VALUES
    ('370102', '历下区', 'DISTRICT', '370100', 1),
    ('370103', '市中区', 'DISTRICT', '370100', 2),
    ('370104', '槐荫区', 'DISTRICT', '370100', 3),
    ('370105', '天桥区', 'DISTRICT', '370100', 4),
    ('370112', '历城区', 'DISTRICT', '370100', 5),
    ('370113', '长清区', 'DISTRICT', '370100', 6),
    ('370114', '章丘区', 'DISTRICT', '370100', 7),
    ('370115', '济阳区', 'DISTRICT', '370100', 8),
    ('370116', '莱芜区', 'DISTRICT', '370100', 9),
    ('370117', '钢城区', 'DISTRICT', '370100', 10),
    ('370124', '平阴县', 'DISTRICT', '370100', 11),
    ('370126', '商河县', 'DISTRICT', '370100', 12),
    ('370202', '市南区', 'DISTRICT', '370200', 1),
    ('370203', '市北区', 'DISTRICT', '370200', 2),
    ('370211', '黄岛区', 'DISTRICT', '370200', 3),
    ('370212', '崂山区', 'DISTRICT', '370200', 4),
    ('370213', '李沧区', 'DISTRICT', '370200', 5),
    ('370214', '城阳区', 'DISTRICT', '370200', 6),
    ('370215', '即墨区', 'DISTRICT', '370200', 7),
    ('370281', '胶州市', 'DISTRICT', '370200', 8),
    ('370283', '平度市', 'DISTRICT', '370200', 9),
    ('370285', '莱西市', 'DISTRICT', '370200', 10);

-- 人社局: the province's 厅 and one 局 per city; districts are served by their city's bureau until they get their own.
INSERT INTO bureau (code, name, region_code, sort_order) VALUES
    ('HRSS370000', '山东省人力资源和社会保障厅', '370000', 1),
    ('HRSS370100', '济南市人力资源和社会保障局', '370100', 2),
    ('HRSS370200', '青岛市人力资源和社会保障局', '370200', 3),
    ('HRSS370300', '淄博市人力资源和社会保障局', '370300', 4),
    ('HRSS370400', '枣庄市人力资源和社会保障局', '370400', 5),
    ('HRSS370500', '东营市人力资源和社会保障局', '370500', 6),
    ('HRSS370600', '烟台市人力资源和社会保障局', '370600', 7),
    ('HRSS370700', '潍坊市人力资源和社会保障局', '370700', 8),
    ('HRSS370800', '济宁市人力资源和社会保障局', '370800', 9),
    ('HRSS370900', '泰安市人力资源和社会保障局', '370900', 10),
    ('HRSS371000', '威海市人力资源和社会保障局', '371000', 11),
    ('HRSS371100', '日照市人力资源和社会保障局', '371100', 12),
    ('HRSS371300', '临沂市人力资源和社会保障局', '371300', 13),
    ('HRSS371400', '德州市人力资源和社会保障局', '371400', 14),
    ('HRSS371500', '聊城市人力资源和社会保障局', '371500', 15),
    ('HRSS371600', '滨州市人力资源和社会保障局', '371600', 16),
    ('HRSS371700', '菏泽市人力资源和社会保障局', '371700', 17);
