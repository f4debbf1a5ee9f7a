<#-- The monthly bulletin as Markdown. Model: b (io.github.duban.bulletin.Bulletin). -->
<#function cell s><#return s?replace("|", "\\|")></#function>
# ${b.series}

**第${b.issue}期**

${b.office}　　　　${b.dateText}

## ${b.title}

主送：${b.recipients}

${b.opening}

### 一、总体情况

<#list b.overview.paragraphs as p>
${p}

</#list>
### 二、存在问题

<#if b.problems.empty()>
本月未发现滞后、逾期任务和进度报送问题。

</#if>
<#if b.problems.tasks?has_content>
**（一）任务推进滞后、逾期**

<#list b.problems.tasks as t>
${t?counter}. ${t.text}
</#list>

</#if>
<#if b.problems.reports?has_content>
**（二）进度报送不及时**

<#list b.problems.reports as r>
${r?counter}. ${r}
</#list>

</#if>
<#if b.problems.inspections?has_content>
**（三）督查发现的问题**

<#list b.problems.inspections as r>
${r?counter}. ${r}
</#list>

</#if>
### 三、通报批评、公开曝光与表扬

<#if b.sanctions.empty()>
本月无通报批评、公开曝光和表扬事项。

</#if>
<#if b.sanctions.criticisms?has_content>
**（一）通报批评**（限期整改）

| 序号 | 单位 | 事由 | 责任人 | 整改时限 |
|---|---|---|---|---|
<#list b.sanctions.criticisms as s>
| ${s?counter} | ${cell(s.unit)} | ${cell(s.reason)} | ${s.persons?has_content?then(s.persons, "—")} | ${s.rectifyBy?has_content?then(s.rectifyBy, "—")} |
</#list>

</#if>
<#if b.sanctions.exposures?has_content>
**（二）公开曝光**

| 序号 | 单位 | 事由 | 责任人 |
|---|---|---|---|
<#list b.sanctions.exposures as s>
| ${s?counter} | ${cell(s.unit)} | ${cell(s.reason)} | ${s.persons?has_content?then(s.persons, "—")} |
</#list>

</#if>
<#if b.sanctions.notices?has_content>
**（三）提醒**

<#list b.sanctions.notices as s>
${s?counter}. ${s.reason}
</#list>

</#if>
<#if b.sanctions.commendations?has_content || b.sanctions.early?has_content>
**（四）表扬与提前完成**

<#list b.sanctions.commendations as r>
- ${r}
</#list>
<#list b.sanctions.early as r>
- ${r}
</#list>

</#if>
### 四、考核得分与排名

| 序号 | 单位 | 得分 | 等次 | 扣分 | 加分 | 排名 |
|---|---|---|---|---|---|---|
<#list b.ranking as r>
| ${r.no} | ${cell(r.unit)} | ${r.score} | ${r.rating} | ${r.deductions} | ${r.bonuses} | ${r.rank} |
</#list>

### 五、挂图作战

| 任务 | 灯 | 任务名称 | 牵头单位 | 完成时限 | 进度 | 序时进度 |
|---|---|---|---|---|---|---|
<#list b.board as c>
| ${c.task} | ${c.lightText} | ${cell(c.title)} | ${cell(c.leads)} | ${c.deadline} | ${c.percent}% | ${c.schedule} |
</#list>

### 六、下一步工作要求

<#list b.requirements as p>
${p}

</#list>
<#if b.closing??>
${b.closing}

</#if>
${b.office}

${b.dateText}

<#if b.copyTo??>
抄送：${b.copyTo}

</#if>
<small>规则集 ${b.ruleset}（${b.period}，截至${b.asOf}）</small>
