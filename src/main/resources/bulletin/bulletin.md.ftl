<#-- The monthly bulletin as Markdown. Model: b (io.github.duban.bulletin.Bulletin). The ruleset's
     fingerprint is kept in a comment, out of the printed text. -->
<!-- duban: ruleset ${b.ruleset!""}; ${b.period}, as of ${b.asOf} -->
# ${b.series}

**第${b.issue}期**

${b.office}　　　　${b.dateText}

## ${b.title}

${b.recipients}：

${b.opening}

### 一、总体情况

<#list b.overview.paragraphs as p>
${p}

</#list>
<#list b.sections as sec>
### ${sec.heading()}

<#if !sec.parts?has_content>
${sec.none}

</#if>
<#list sec.parts as part>
**${part.heading()}**

<#if part.intro?has_content>
${part.intro}

</#if>
<#list part.items as it>
${it?counter}. ${it.text}
</#list>

</#list>
</#list>
### 四、考核得分与排名

| 序号 | 单位 | 得分 | 等次 | 扣分 | 加分 | 排名 |
|---|---|---|---|---|---|---|
<#list b.ranking as r>
| ${r.no} | ${r.unit?replace("|", "\\|")} | ${r.score} | ${r.rating} | ${r.deductions} | ${r.bonuses} | ${r.rank} |
</#list>

<#if b.rankingNote?has_content>
${b.rankingNote}

</#if>
### 五、下一步工作要求

<#list b.requirements as p>
${p}

</#list>
<#if b.closing??>
${b.closing}

</#if>
附件：${b.attachment}

${b.office}

${b.dateText}

---

附件

**${b.attachment}**

| 任务 | 灯 | 任务名称 | 牵头单位 | 完成时限 | 进度 | 序时进度 |
|---|---|---|---|---|---|---|
<#list b.board as c>
| ${c.task} | ${c.lightText} | ${c.title?replace("|", "\\|")} | ${c.leads?replace("|", "\\|")} | ${c.deadline?replace("|", "\\|")} | ${c.percent}% | ${c.schedule} |
</#list>

---

<#if b.copyTo??>
抄送：${b.copyTo}

</#if>
${b.printer}　　　　${b.printDateText}印发
