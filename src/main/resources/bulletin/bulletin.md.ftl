<#-- The monthly bulletin as Markdown. Model: b (io.github.duban.bulletin.Bulletin). The ruleset's
     fingerprint is kept in a comment, out of the printed text. -->
<#-- Text from plans and facts is escaped so that it shows as written and never runs as HTML. -->
<#function t s><#return s?replace("&", "&amp;")?replace("<", "&lt;")?replace(">", "&gt;")></#function>
<#function cell s><#return t(s)?replace("|", "\\|")></#function>
<!-- duban: ruleset ${b.ruleset!""}; ${b.period}, as of ${b.asOf} -->
# ${t(b.series)}

**第${b.issue}期**

${t(b.office)}　　　　${b.dateText}

## ${t(b.title)}

${t(b.recipients)}：

${t(b.opening)}

### 一、总体情况

<#list b.overview.paragraphs as p>
${t(p)}

</#list>
<#list b.sections as sec>
### ${t(sec.heading())}

<#if !sec.parts?has_content>
${t(sec.none)}

</#if>
<#list sec.parts as part>
**${t(part.heading())}**

<#if part.intro?has_content>
${t(part.intro)}

</#if>
<#list part.items as it>
${it?counter}. ${t(it.text)}
</#list>

</#list>
</#list>
### 四、考核得分与排名

| 序号 | 单位 | 得分 | 等次 | 扣分 | 加分 | 排名 |
|---|---|---|---|---|---|---|
<#list b.ranking as r>
| ${r.no} | ${cell(r.unit)} | ${r.score} | ${r.rating} | ${r.deductions} | ${r.bonuses} | ${r.rank} |
</#list>

<#if b.rankingNote?has_content>
${t(b.rankingNote)}

</#if>
### 五、下一步工作要求

<#list b.requirements as p>
${t(p)}

</#list>
<#if b.closing??>
${t(b.closing)}

</#if>
附件：${t(b.attachment)}

${t(b.office)}

${b.dateText}

---

附件

**${t(b.attachment)}**

| 任务 | 灯 | 任务名称 | 牵头单位 | 完成时限 | 进度 | 序时进度 |
|---|---|---|---|---|---|---|
<#list b.board as c>
| ${c.task} | ${c.lightText} | ${cell(c.title)} | ${cell(c.leads)} | ${cell(c.deadline)} | ${c.percent}% | ${c.schedule} |
</#list>

---

<#if b.copyTo??>
抄送：${t(b.copyTo)}

</#if>
${t(b.printer)}　　　　${b.printDateText}印发
