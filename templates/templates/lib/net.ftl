<#-- Checks on values read from etcd, so that bad data is skipped instead of reaching BIRD.
     Pure functions: no output. Imported as "net" by the other templates. -->

<#-- A dotted quad, each octet 0..255. -->
<#function isIPv4 s>
  <#return s?matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])")>
</#function>

<#-- An IPv6 address in hex groups, with at most one "::" (no embedded IPv4 form). -->
<#function isIPv6 s>
  <#local h = "[0-9a-fA-F]{1,4}">
  <#return s?matches("(${h}:){7}${h}|(${h}:){1,7}:|(${h}:){1,6}:${h}|(${h}:){1,5}(:${h}){1,2}"
      + "|(${h}:){1,4}(:${h}){1,3}|(${h}:){1,3}(:${h}){1,4}|(${h}:){1,2}(:${h}){1,5}|${h}:(:${h}){1,6}"
      + "|:((:${h}){1,7}|:)")>
</#function>

<#-- An address of the family (4 or 6). -->
<#function isIP s family>
  <#return (family == 4)?then(isIPv4(s), isIPv6(s))>
</#function>

<#-- A CIDR of the family: address, "/", a prefix length in range. -->
<#function isCidr s family>
  <#if !s?contains("/")><#return false></#if>
  <#local addr = s?keep_before("/")>
  <#local len = s?keep_after("/")>
  <#if !len?matches("[0-9]{1,3}") || !isIP(addr, family)><#return false></#if>
  <#return len?number <= (family == 4)?then(32, 128)>
</#function>

<#-- An AS number BIRD accepts (1..4294967295) as a string, or "" when the text is not one. -->
<#function asNumber s>
  <#local t = s?trim>
  <#if t?matches("[0-9]{1,10}") && t?number gte 1 && t?number lte 4294967295>
    <#return t?number?c>
  </#if>
  <#return "">
</#function>

<#-- The first valid AS of the candidates (strings, "" for absent), else Calico's default 64512. -->
<#function firstAs candidates>
  <#list candidates as c>
    <#if asNumber(c) != ""><#return asNumber(c)></#if>
  </#list>
  <#return "64512">
</#function>

<#-- A value from a JSON object as a string, "" when absent or null (numbers print plainly). -->
<#function field obj name>
  <#if !(obj[name])??><#return ""></#if>
  <#local v = obj[name]>
  <#if v?is_number><#return v?c></#if>
  <#if v?is_boolean><#return v?c></#if>
  <#if v?is_string><#return v></#if>
  <#return "">
</#function>

<#-- A JSON object from an etcd value, or an empty hash when the value is not an object. -->
<#function jsonObject s>
  <#if s?trim?starts_with("{")><#return json(s)></#if>
  <#return {}>
</#function>

<#-- Go's string "a > b" (byte order; IP strings are ASCII), which Calico's mesh uses to pick the
     passive side. FreeMarker cannot compare strings with ">", so compare character codes. -->
<#function greater a b>
  <#local order = " -./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz">
  <#list 0..<[a?length, b?length]?min as i>
    <#if a[i] != b[i]>
      <#return order?index_of(a[i]) gt order?index_of(b[i])>
    </#if>
  </#list>
  <#return a?length gt b?length>
</#function>

<#-- Text from etcd made safe for a one-line "#" comment: no line breaks, at most 80 characters. -->
<#function safe s>
  <#local t = s?replace("\r", " ")?replace("\n", " ")>
  <#return (t?length gt 80)?then(t[0..<80] + "...", t)>
</#function>

<#-- A BIRD protocol name for a peer: kind + "_" + the address with "." and ":" as "_". -->
<#function protocolName kind ip>
  <#return kind + "_" + ip?replace(".", "_")?replace(":", "_")>
</#function>
