"""Page chrome: which segments of a document are navigation, buttons, notices and prompts.

A segment is chrome by its own features (length, lexical cues in Portuguese and
English, menu and link shapes; :func:`boilerplate_reason`) and by its place
among its neighbours (a page's header and footer, a read-also heading and the
titles under it, a table's cells; :class:`BatchLines`). A batch's segments are
first screened by their word hashes (:func:`chrome_suspects`), so that only the
few that could be chrome get the full check.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import numpy as np

from server.analysis import WORD_TOKEN, fold, folded_words, normalise
from server.batch_words import BatchWords, batch_words, isin_sorted, word_hash_set
from server.page_markup import (code_reason, is_data_table, is_table_row, markup_line_reason, metadata_reason,
                                setext_level, template_parameter_reason)
from server.segmentation import EDIT_LINK, Metadata, code_bodies, line_of, metadata_block, segment
from server.sources import Document

# A listing's sort or filter control ("Sort by: Most popular ▾"): its options name lists as a read-also heading
# does ("Most popular", "Mais vendidos"), but what lies under it is the listing itself (see heading_of).
SORT_CONTROL = "^(sort by|sorted by|ordenar por|ordenad[oa]s? por|classificar por|filter by|filtrar por)"
# The months' names in lower case, folded or only lowered as the batch screen sees them ("março").
MONTH_NAMES = (r"janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|january|"
               r"february|march|april|may|june|july|august|september|october|november|december")
# A month as a news site's or a letter's date spells it, in full or abbreviated ("set", "Sept.", "março").
MONTH = rf"(?:{MONTH_NAMES}|jan|feb|fev|mar|apr|abr|mai|jun|jul|aug|ago|sep|sept|set|oct|out|nov|dec|dez)"
# A weekday's name as a forum's date opens with it, abbreviated or whole ("Sat", "sábado", "seg.").
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun|seg|ter|qua|qui|sex|sab|dom)[a-z]*"
# A day and month without the year, as a list of posts stamps its entries: "26 de fev.", "3 March".
DAY_MONTH = rf"\d{{1,2}}(?: de)? {MONTH}\.?"
# A date with its year, and the hour a news site may stamp after it: "14 set 2025, 19:05", "9 de março de 2026".
STAMP = rf"\d{{1,2}}(?: de)? {MONTH}\.?(?: de)?,? \d{{4}}(?:,? \d{{1,2}}[:h]\d\d)?"
# A clock time after a date, on a post's stamp: "09:12", "9:12 AM", "9h12".
_CLOCK_TIME = r"\d{1,2}[:h]\d\d(?: ?[ap]\.?m\.?)?"
# The English months, whole words, as an at-start cue's first group names them (the screen looks a line's first word
# up).
ENGLISH_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|" \
                 "apr|jun|jul|aug|sep|sept|oct|nov|dec"
# A forum member card's count, folded, the whole line: "Mensagens: 342", "Posts: 1,204", "Reputação: 57".
MEMBER_COUNT = "(mensagens|posts|messages|postagens|reputacao|reputation|pontos|points|curtidas|likes|reacoes|" \
               "reactions|topicos|threads) ?: ?\\d[\\d.,]*"
# When a listing or post went up, by a relative day, to the line's end: "Publicado hoje às 11:42", "Listed yesterday"
# (its accents kept: the batch screen asks symbol cues of the text unfolded).
RELATIVE_POSTING_TIME = r"(publicad[oa]|anunciad[oa]|postad[oa]|atualizad[oa]|listed|posted|published|updated) (hoje|ontem|" \
                        r"today|yesterday)( (as|às|a|à|at) \d{1,2}[:h]\d\d)?( ?[ap]m)?$"
# A date with its year, month first too ("Oct 14, 2025").
_DATED = rf"(?:{MONTH}\.? \d{{1,2}},? \d{{4}}|{STAMP})"
# The legal forms that close a company's name, folded, each without its stop: "Lumen Apps Ltda.", "Harbourside Homes
# Ltd", "Raízen S.A". The one list the company-name rules read (three lists that differed by a form or two before).
LEGAL_FORMS = ("lda", "ltda", "ltd", "limited", "inc", "corp", "llc", "gmbh", "plc", "eireli", "s.a", "s/a")
_LEGAL_FORM_NAMES = "|".join(map(re.escape, LEGAL_FORMS))
# ... as it closes a name in folded text, its stop or not.
LEGAL_FORM = rf",? ({_LEGAL_FORM_NAMES})\.?"
# Lexical cues of page chrome by kind: (strong, phrases). Phrases are regexes
# over case-folded text without accents, each starting at a whole word; a
# segment is only tried against the phrases whose screen word (an uncommon
# word every match contains, see _screen_words) it contains: one set
# intersection instead of a scan per phrase. Phrases with "^" are tried at
# the segment's start only. "Strong" kinds are phrases that
# content rarely uses; "weak" kinds (share, subscribe...) are ordinary words
# too, so they count alone only in short segments that are not sentences.
CUES: dict[str, tuple[bool, tuple[str, ...]]] = {
    # "cookies" alone is also a biscuit: the notice is a site using them.
    "cookie notice": (True, (
        "(usamos|utilizamos|usa|usam|utiliza|utilizam|use|uses|using|use of|uso de|politica de|configuracoes de|"
        "preferencias de|aceitar|accept) cookies",
        "cookies? (policy|settings|preferences|consent|notice)", "cookies (e|and) (outras )?(tecnologias|similar)",
        "ao continuar (a )?naveg[a-z]*", "by continuing to (browse|use)",
        "voce concorda com", "you agree to", "aceitar todos", "accept all",
    )),
    "privacy notice": (True, (
        # A consent wall's heading (probe 34): "We value your privacy", "Valorizamos a sua privacidade".
        "(value|respect|care about) your privacy$", "(valorizamos|respeitamos) (a sua|sua) privacidade$",
        "politica de privacidade", "aviso de privacidade", "privacy (policy|notice|settings|statement|practices)",
        "praticas de privacidade", "lgpd", "gdpr",
        # A platform's footer link on what it keeps (probe 25): "Resumo da retenção de dados", "Data retention summary".
        "(resumo|politica) (da|de) retencao de dados", "data retention (summary|policy)",
        # An app store's data-safety box (found blind in probe 18): "Data Linked to You", "The following data may be
        # collected and linked to your identity:".
        "data (not )?linked to you", "data used to track you", "linked to your identity",
        "dados (nao )?(vinculados|associados) a (voce|sua identidade)",
        # ... and its opening paragraph: "A segurança começa com a compreensão de como os desenvolvedores coletam e
        # compartilham seus dados. As práticas de privacidade ... podem variar de acordo com o uso, a região e a idade."
        "(how developers|how the developers|como os desenvolvedores|como desenvolvedores) (collect|coletam)",
        "(may|podem) (vary|variar) (based on|de acordo com) (your |o )?(use|uso)",
        # ... and its lines, a short claim each (cleaning46's studied Google Play listing, probe 47): "Nenhum dado
        # compartilhado com terceiros", "Os dados são criptografados em trânsito", "No data collected".
        "^(nenhum dado|no data|os dados nao sao|data is not) (compartilhado|coletado|shared|collected)",
        "(dados sao|data is) (criptografados|encrypted) (em|in) (transito|transit)",
    )),
    "copyright notice": (True, (
        "copyright", "todos os direitos reservados", "all rights reserved", "direitos autorais reservados",
        # A government site's licence (found blind in probe 33): "All content is available under the Open Government
        # Licence v3.0, except where otherwise stated".
        "open government licen[cs]e",
        # A print view's or a reprint's terms (found blind in seed-shaped probe 41): "This copy is for your personal,
        # non-commercial use only. To order presentation-ready copies for distribution, use the Reprints link.",
        # "Esta cópia destina-se a uso pessoal e não comercial."
        # The copy is what the terms are for: "the licence is for your personal, non-commercial use, the judge said" is
        # a story's.
        "(copy|copies|content|article|story) (is|are) (only )?(for|intended for) your personal,? non-?commercial use",
        "presentation-ready cop(y|ies)",
        "(copia|copias|conteudo|artigo|texto) (e|sao|destina-se|destinad[oa]) (a|ao|para|para o) (seu )?uso pessoal",
        "proibida a reproducao", "reproducao proibida", "e proibida a reproducao", "nao e permitida a reproducao",
        "reproducao sem (previa )?(autorizacao|permissao|citacao)",
        "protegido por direitos autorais", "protected by copyright", "creative commons",
        # A licence's short name alone under its label: "License: CC BY 4.0", "Licença: CC BY-NC".
        "^(license|licence|licenca) ?: ?cc[ -]?(by|0)",
        # ... or an open data licence's (probe 20): "Licence: Open Government Licence v3.0", "Licença: ODbL".
        "^(license|licence|licenca) ?: ?(open government licen|open data commons|odbl|public domain|dominio publico)",
        # ... or inside its sentence: "It is made available under a CC-BY 4.0 International license."
        "(under|sob) (a|an|the|uma) (licenca )?cc[ -](by|0)",
        # ... or in words (found blind in the Markdown probe): "This report may be shared freely with attribution.",
        # "Este texto pode ser reproduzido desde que citada a fonte."
        "(may|can) be (freely )?(shared|reproduced|copied|republished|reused)( freely)? with attribution",
        "pode(m)? ser (livremente )?(reproduzid|compartilhad|partilhad|copiad)[oa]s?( livremente)?,? desde que (seja )?"
        "citada a fonte",
    )),
    "disclaimer": (True, (
        # A wiki talk page's banners over its discussion (probe 50): "This is the talk page for discussing improvements
        # to the X article.", "This article is rated Start-class on Wikipedia's content assessment scale."
        "(this is the) talk page for discussing improvements", "is rated [a-z]+-class on [^.]{0,40}(content assessment|"
        "quality) scale", "of interest to the following wikiprojects",
        # ... and in Portuguese (found blind in probe 50): "Esta é a página de discussão do artigo X.", "Este artigo tem
        # qualidade 3 e importância baixa no âmbito do WikiProjeto Portugal."
        "^(esta e a) pagina de discussao (do|da|destinada)", "(no ambito do) wikiprojeto",
        # A job board's warning beside its report link, opening the line or after a separator (probe 48's blind job ad,
        # after its run): "Denunciar esta oferta · Nunca pague para se candidatar a um emprego.", "Never pay to apply for
        # a job."; a story quoting it ("A polícia recomenda: nunca pague ...") does not end there.
        "(?:^|(?<=[·|] ))(nunca|never) (pague|pagues|pay)( nada| anything)? (para|to) (se candidatar|candidatar-se|"
        "concorrer|apply)[^.!?]{0,40}[.!]?$",
        # A fact-checker's note on the platform that funds it (probe 25): "Esta checagem faz parte do programa de
        # verificação independente do Meta.", "This fact-check is part of Meta's third-party fact-checking program."
        "(programa|program|programme) de (verificacao|checagem)( de fatos)? (independente|de terceiros)",
        "third-party fact-checking (program|programme|partnership)",
        # A noticeboard's or classifieds' note on who posts there (found blind in probe 20): "Notices are posted by
        # members of the public; the noticeboard does not check them."
        "(notices|posts|listings|ads|adverts|advertisements|anuncios|avisos) (are|sao) (posted|placed|submitted|"
        "publicad[oa]s|colocad[oa]s) (by|pel[oa]s?) (members of the public|the public|users|our users|readers|"
        "(os |as )?(usuarios|utilizadores|leitores|membros))",
        # An official gazette's note under its act (probe 22): "Este conteúdo não substitui o publicado na versão certificada."
        "nao substitui o publicado na versao certificada",
        # ... and a case-law database's under its decision (probe 44): "Este documento não substitui o publicado em
        # papel; a informação aqui prestada não dispensa a consulta do processo.", "This text does not replace the
        # official version."
        "nao substitui (o publicado em papel|a publicacao oficial|a versao oficial|o texto oficial)",
        "nao dispensa a consulta d[oa]s? (processo|original|documento|diario)",
        "(does|do) not replace the (official|original|published|printed) (version|text|document|record)",
        "conteudo de terceiros", "conteudos de terceiros", "third-party (content|material|sites?)",
        "third party (content|material|sites?)",
        "fins informativos", "informational purposes", "para fins de informacao", "carater informativo",
        # A page's warranty waived in full, as "without any warranties" (found blind by seed-shaped probe 23: "Aviso:
        # este artigo contém conteúdo de terceiros e é partilhado apenas a título informativo, sem garantias de
        # qualquer tipo."); a loan "sem garantias" is no such note.
        "sem garantias de qualquer (tipo|especie|natureza)",
        "nao (substitui|substituem) (a |o )?(orientacao|consulta|avaliacao|aconselhamento)",
        # A government site's note on an attachment (probe 41): "This file may not be suitable for users of assistive
        # technology. Request an accessible format."
        "(not be|is not|not) suitable for users of assistive (technology)", "(request|ask for) an accessible (format)",
        # A catalogue's note that its entries may change (found blind in probe 41): "The module information is correct
        # at the time of publication but may change."
        "(is|was|are|were) correct at the time of (publication|publishing|going to press)",
        "nao oferece (consultoria|aconselhamento|orientacao)", "not a substitute for (professional )?(advice|consultation)",
        "medical advice", "tax advice",
        "nao (devem?|deve) ser considerad[oa]s?", "nao constitu[ie]m?", "does not constitute",
        "should not be (considered|construed|relied)", "must not be (considered|construed|relied)",
        "aconselhamento (financeiro|profissional|juridico)",
        "recomendacao de investimento", "financial advice", "investment advice", "legal advice", "professional advice",
        "isencao de responsabilidade", "exoneracao de responsabilidade", "disclaimer", "sem representacoes",
        "without (any )?(representations?|warrant[a-z]*)", "opinioes (aqui )?expressas", "views expressed",
        "nao (reflete|refletem|representa|representam) (necessariamente )?(a )?(opiniao|posicao)",
        # ... or the site's view ("e não representam a visão da plataforma", found blind by seed-shaped probe 24; a
        # report's "não representa a visão da maioria" is a story's)
        "nao (reflete|refletem|representa|representam) (necessariamente )?(a )?visao (editorial )?d[ao] "
        "(plataforma|portal|site|blog|pagina|canal|perfil|jornal|veiculo|editora|redacao)",
        # ... or the site's own, the views named before ("as opiniões expressas são do autor e não refletem
        # necessariamente as do site", seed-shaped probe 25)
        "nao (reflete|refletem|representa|representam) (necessariamente )?(as|os) d[ao] "
        "(plataforma|portal|site|blog|pagina|canal|perfil|jornal|veiculo|editora|redacao)",
        # English says the pt-BR notice's "não representa a opinião" too ("This post may contain third-party content
        # and does not represent the opinions of the community moderators.", seed-shaped probe 25); a poll that "does
        # not represent the views of most voters" is one cue, not enough in a story's sentence.
        "(does|do) not (necessarily )?represent the (views|opinions|position|positions) of",
        # ... and that the newsroom did not check the text (found blind there: "o texto acima foi enviado por um
        # colaborador e não passou por revisão da redação"; "This story was not reviewed by our editors"); a bill's
        # "redação final" is a stage of its passage.
        "nao (passou|passa) (por|pela) (revisao|edicao|checagem) (da redacao(?! final)|editorial|dos editores)",
        "(nao foi|has not been|was not|is not) (revisad[oa]|editad[oa]|reviewed|edited) (pela redacao|pelos editores|"
        "by (our|the) (editors|editorial team|newsroom))",
        "do not (necessarily )?reflect", "does not (necessarily )?reflect", "nao se responsabiliza",
        "not responsible for", "affiliate links?", "links? de afiliad[oa]s?",
        "(earn|earns|receive|receives|make|makes) (a|an) (small )?(affiliate )?commission", "comissao de afiliad[oa]s?",
        # ... in Brazil's words (probe 33): "O TecnoSul pode receber uma comissão quando você compra por links nesta
        # página"; a text generated by a machine ("Resumo gerado por inteligência artificial e revisado pela redação",
        # "This summary was generated by AI"); a recipe card's nutrition (its estimate, "Nutrition information is
        # automatically calculated and should only be used as an approximation").
        "(pode|podem|podemos|poderemos) receber (uma )?(pequena )?comissao",
        "(gerad[oa]|criad[oa]|escrit[oa]|produzid[oa]) (por|com|com o uso de|com (o )?auxilio de|com (a )?ajuda de) "
        "(inteligencia artificial|ia)(?![^\\W_])",
        "(generated|created|written|produced) (by|with|using) (ai|artificial intelligence)(?![^\\W_])",
        # ... the page's own text prepared with the help of AI tools, and who checked it after (seed-shaped probe 40:
        # "Este resumo foi preparado com apoio de ferramentas de inteligência artificial e revisto pela equipa
        # editorial."); a story's "o diagnóstico foi feito com apoio de IA" is not the page's text, and its "revisto
        # pela equipa do ministério" names no newsroom ("revisado pela redação" is a summary's too: cleaning probe 33).
        "(este|esta|o|a) (resumo|texto|artigo|conteudo|materia|reportagem|newsletter|boletim) foi (preparad[oa]|"
        "elaborad[oa]|feit[oa]|redigid[oa]) com (o )?(apoio|auxilio|ajuda) de (ferramentas de )?"
        "(inteligencia artificial|ia)(?![^\\W_])",
        "(this|the) (summary|article|story|text|newsletter|post) was (prepared|drafted|written|produced) with the "
        "(help|assistance|support) of (ai|artificial intelligence)(?![^\\W_])",
        # An archive's note on the copy it shows (seed-shaped probe 41: "Conteúdo arquivado: links, imagens e anúncios
        # desta página podem não funcionar como no original."): that it is an archived copy, and what may not work in it.
        # The label opens the note: "a página arquivada do ministério mostra ..." is a story's.
        "^(conteudo|pagina|versao|copia) arquivad[oa](?![^\\W_])",
        "^(archived|cached) (page|content|copy|version|snapshot)(?![^\\W_])",
        "(pode|podem) nao (funcionar|aparecer|ser exibid[oa]s?) como no original",
        "may not (work|display|appear|function) as (in |on )?(the )?original",
        "(revist[oa]|revisad[oa]) pela (equipa|equipe) editorial(?![^\\W_])",
        "(reviewed|checked|edited) by our (editorial team|editors|newsroom)(?![^\\W_])",
        "nutrition(al)? (information|info|facts|values?) (is|are) (automatically calculated|calculated automatically|an "
        "estimate|estimated|approximate)",
        "(informacao|informacoes|tabela|valores?) nutriciona(l|is) (e|sao) (uma )?(estimativa|aproximad[oa]s?|calculad[oa]s? "
        "automaticamente)",
        # The affiliate disclosure's opening: "When you buy through links on our site".
        "(buy|purchase|shop)( something)? (through|via|using) (our |the )?links",
        # ... one link, and what is bought (found blind in probe 33): "When you buy a book using a link on this page".
        "(buy|purchase|shop)( something| a book| an item| a product)? (through|via|using) (a|one of our|one of the) link",
        "(compra|compras|comprar)( algo)? (atraves|por meio|a partir) d[eo]s? (nossos )?links",
        "(compra|compras|comprar|comprarem)( algo)? (por|pelos) (nossos )?links",
        "(ganha|ganhamos|ganho|recebe|recebemos|recebo) uma (pequena )?comissao", "amazon associate",
        # A company's press release on what it expects.
        "forward-looking statements?", "declaracoes prospectivas", "(could|may|might) differ materially",
        "undertakes? no obligation",
        # Machine-made text and market data, as the page warns about them.
        "(may|might|can) contain (errors|inaccuracies|mistakes)", "pode(m)? conter (erros|imprecisoes)",
        "(generated|gerad[oa]s?) (automatically|automaticamente)", "automatically generated",
        # ... a transcript or translation made by machine, as a podcast's page words it (found blind in probe 30):
        # "Esta transcrição foi feita automaticamente e pode ter erros."
        "(transcricao|traducao|legendas?|transcript|translation|captions|subtitles) (foi |e |sao |foram |was |is |were "
        "|are )?(feit[oa]s?|criad[oa]s?|produzid[oa]s?|made|produced|created) (automaticamente|automatically)",
        # A translation service's note over or under the page it translated: "Machine translated by Google. ... the
        # original text prevails. Google disclaims all warranties ..., express or implied."
        "^(machine|automatically)[- ]translated (by|with|from)(?![^\\W_])",
        "^(traduzido|traduzida) automaticamente(?![^\\W_])",
        "(original|source) text (prevails|shall prevail|will prevail)", "texto original (prevalece|prevalecera)",
        "disclaims? (all|any) (warranties|liability|responsibility)",
        "isenta-se de (todas as |qualquer )?(garantias|responsabilidades?)", "(express|expressed) or implied",
        "(expressas|expressos|expressa|expresso) ou implicit[oa]s?",
        "(quotes|prices|data) (are )?delayed", "cotacoes com atraso",
        # A shop widget's note on its prices, opening its line (probe 27): "Prices checked on 3 November 2026.", "Preços
        # verificados em 03/11/2026"; a story's "Prices were checked by inspectors" says who.
        "^(prices|price) (last )?checked (on|at)(?![^\\W_])", "^(precos|preco) verificados em(?![^\\W_])",
        # A preprint's warning ("This article is a preprint and reports new medical research that has yet to be evaluated
        # and so should not be used to guide clinical practice", "não foi revisado por pares") and its authors'
        # declarations ("The authors have declared no competing interest.", "I confirm all relevant ethical guidelines
        # have been followed").
        "(has|have) (yet|not yet) to be (evaluated|certified|peer[- ]reviewed)", "not (been )?certified by peer review",
        "should not be used to guide clinical practice", "nao (foi|foram) (ainda )?(revisad|avaliad)[oa]s? por pares",
        "(have|has) declared no (competing|conflicts? of) interests?", "declaram nao (haver|ter) conflitos? de interesses?",
        "ethical guidelines have been followed", "(ethics committee|irb) approvals? (have|has) been obtained",
        # A review site's note under every review.
        "opiniao subjetiva", "subjective opinion",
        # A job posting's equal-opportunity statement: "an equal opportunity employer ... qualified applicants
        # will receive consideration", "comprometida com a diversidade ... sem distinção de raça".
        "equal (employment )?(opportunity|opportunities) employer", "qualified applicants (will )?receive consideration",
        "sem distincao de (raca|cor|genero|sexo|religiao|idade|origem)",
        "(committed|comprometid[oa]s?) (to|com) (a )?(diversity|diversidade)",
        # An e-mail's footer: its confidentiality notice ("... may contain confidential information. If you are not the
        # intended recipient ...", "Se você não for o destinatário ...") and its call to save paper.
        "informac[a-z]+ (confidencial|confidenciais|privilegiad[oa]s?)",
        "(confidential|privileged)( and(/or)? (confidential|privileged))? (information|material)",
        "(nao for|nao seja|not) (o |a |the )?(destinatari[oa]|intended recipient|addressee)", "intended recipients?",
        # ... in other words (found blind in probe 44): "This email and any attachments are confidential and intended
        # solely for the addressee. If you have received it in error, please notify the sender ...".
        # (Each screened by its rarest word, "confidential" or "recebeu": "você" or "message" would send many lines to
        # the full check.)
        "(e-?mail|message)( and any attachments)? (is|are) (strictly )?confidential",
        "(e-?mail|mensagem) e (estritamente )?confidencial", "(mensagens|anexos) sao (estritamente )?confidenciais",
        "(if you have|if you've) received (it |this e-?mail |this message |this )?in error",
        "(se|caso) (voce )?(a |o |esta mensagem )?(recebeu|tenha recebido) (esta mensagem )?por (engano|erro)",
        "antes de imprimir", "(print|printing) (this )?(e-?mail|message)",
        # An unroll app's warning under a thread: "This Thread may be Removed Anytime!", "Twitter may remove this
        # content at anytime!" ("anytime", one word: a story's "may be removed at any time" stays).
        "(may|might|can|could) (be removed|remove (this|the|your) [a-z]+)( at)? anytime",
        # Who answers for a post a site passes on (seed-shaped probe 20): its source, opening the line ("Conteúdo
        # fornecido por Notícias ao Minuto."; a story's "O texto fornecido pelo governo" stays) or as a kind of outlet
        # ("reproduzidas de veículos de terceiros"), that it is the partner's or author's alone ("são da
        # responsabilidade do parceiro"), the writer's own views ("Views are my own"), and the site's own tie to
        # those it names ("Este blog não tem vínculo com os clubes citados"; a suspect's has none).
        "^(conteudo|artigo|texto|materia|noticia) (fornecid|cedid|disponibilizad)[oa] (por|pel[oa])",
        "^(content|story|article) (provided|supplied|syndicated) by",
        "(veiculos|fontes) de terceiros", "third[- ]party (outlets|publishers)",
        # pt-BR says it without the article too (seed-shaped probe 24: "As informações desta publicação são de
        # responsabilidade do autor e não refletem necessariamente a posição da plataforma.").
        "(sao|e) d[ae] (inteira |exclusiva |unica )?responsabilidade (exclusiva |unica )?d[oa]s? (seus? |respetiv[oa]s? |"
        "respectiv[oa]s? )?(autor|autora|autores|parceiro|parceiros|colaborador|colaboradores)",
        "(views|opinions)( expressed)? (here )?are (my|our|the author'?s) own",
        "(do|does) not represent (the views of )?(my|our) (employer|company)",
        "for (information|informational) (purposes )?only",
        "(este|esta|o nosso|nosso|a nossa|nossa) (blog|site|portal|canal|perfil|pagina) (nao tem|nao possui) "
        "(qualquer |nenhum |nenhuma )?(vinculo|afiliacao|ligacao|relacao) (com|a)",
        "(this|our) (blog|site|website|channel|page|account) is not affiliated with",
        # Found blind there: "Aviso legal: este conteúdo é de autoria de terceiros ... A plataforma não endossa as
        # opiniões apresentadas" (a union that does not endorse its leader's views is news: the views a page
        # presents are the cue).
        "(de|da) autoria de terceiros", "^(aviso legal|nota legal|legal notice) ?:",
        "nao (endossa|endossam|subscreve|subscrevem) (as |os )?(opinioes|pontos de vista) (expressos|expressas|"
        "apresentad[oa]s|emitid[oa]s|publicad[oa]s)",
        "(does|do) not (necessarily )?endorse (the )?(views|opinions) (expressed|presented|published)",
        # Found blind by seed-shaped probe 21: "Aviso: as opiniões são de terceiros e não representam a visão da
        # plataforma." (whose the views on the page are, as "de autoria de terceiros" says whose the text is).
        "(as )?(opinioes|pontos de vista) (aqui )?(expressas |expressos |publicadas |publicados )?sao de terceiros",
        "(the )?(views|opinions) (expressed )?(here )?are (those )?of third parties",
        # Found by seed-shaped probe 22 (pt-PT): "Aviso: este conteúdo é da responsabilidade de terceiros e é partilhado
        # apenas a título informativo." (whose the text is, as "de autoria de terceiros" says).
        "(e|sao) da (inteira |exclusiva )?responsabilidade de terceiros",
        # ... found blind there: "Aviso: este artigo é de terceiros e é partilhado apenas a título informativo." (the
        # page's text said to be third parties', as "de autoria de terceiros" says).
        "(este|esta) (artigo|conteudo|texto|post|publicacao|materia) (e|foi) (de|produzid[oa] por|"
        "escrit[oa] por) terceiros",
        # Seed-shaped probe 40: a republished text's leave, opening its line ("Reprodução autorizada de conteúdo
        # parceiro. O veículo não se responsabiliza ..."; a story's "A reprodução autorizada pelo juiz" has its
        # article), a syndicated one's label ("Syndicated content: the publisher is not responsible for ..."), and a
        # forum's note on whose views its posts are ("Posts reflect the views of their authors, not of the forum
        # staff.").
        "^(reproducao|republicacao) (autorizada|permitida)(?![^\\W_])",
        "^(reproduced|republished) with (permission|authori[sz]ation)(?![^\\W_])",
        "^(syndicated) (content|story|article|post)(?![^\\W_])", "^(conteudo|artigo|materia) sindicad[oa](?![^\\W_])",
        "(posts|comments|messages|replies) (reflect|represent|express) (only )?the (views|opinions) of their "
        "(authors|posters)",
        "(mensagens|publicacoes|comentarios|posts) (refletem|representam|expressam) (apenas )?(as|a) (opinioes|opiniao) "
        "d[oe]s? (seus|respetivos|respectivos) (autores)",
        "not (of |those of )?the (forum|site|board|community) (staff|moderators|administrators|admins|team)",
        # Found blind there: a partner's text the site did not check ("Conteúdo de parceiro. As informações e opiniões
        # acima não foram verificadas pela plataforma.") or passes on ("This piece was first published by a partner
        # outlet. We are not responsible for statements or data attributed to third parties.").
        "^(conteudo|materia|artigo|texto) (de |do )?parceiro(?![^\\W_])",
        "(nao foram|nao foi|were not|was not|have not been|has not been) (verificad[oa]s?|checad[oa]s?|verified|checked|"
        "fact-checked) (pela|pelo|by the|by our) (plataforma|redacao|site|portal|veiculo|platform|publisher|newsroom)",
        "(first|originally) published by (a|our) partner(?![^\\W_])",
        "(statements|data|opinions|views|content) attributed to third parties",
        "(declaracoes|dados|opinioes|informacoes) atribuid[oa]s a terceiros",
    )),
    # A wiki's maintenance banners over an article.
    "maintenance notice": (True, (
        "additional citations", "does not cite any sources", "has multiple issues", "(nao cita|precisa de) (mais )?fontes",
        "please help (improve|us improve) (this|it)", "ajude a melhorar (este|esta)",
        "unsourced material", "material sem fontes", "learn how and when to remove", "^(find sources|encontre fontes) ?:",
        "citation needed", "carece de fontes",
        # Portuguese Wikipedia's: "Esta página cita fontes, mas que não cobrem todo o conteúdo. Ajude a inserir referências."
        "cita fontes,? mas que nao cobrem", "ajude a (inserir|colocar|adicionar) (mais )?(referencias|fontes)",
        # An issue tracker's bot (probe 20): "This issue has been automatically marked as stale because it has not had
        # recent activity. It will be closed if no further activity occurs."
        "automatically marked as stale", "(will be|sera) (closed|fechad[oa]) (if|se) (no further|nao houver( mais)?) "
        "(activity|atividade)",
    )),
    # A reference list's entries: "Retrieved 12 March 2021", "Acesso em 3 jan. 2020".
    "reference list": (True, (
        # A repository's citation of the item under its label, its year in brackets (found blind in probe 33):
        # "Citação: Figueira, M., Salgueiro, R. e Vasconcelos, I. (2025). Efeito das ondas de calor ...".
        "^(citacao|citation|referencia bibliografica|bibliographic reference) ?: [^\\n]{0,200}\\((1[6-9]|20)\\d\\d\\)",
        "retrieved (on )?(\\d{1,2} [a-z]+ \\d{4}|[a-z]+ \\d{1,2},? \\d{4}|\\d{4}-\\d\\d-\\d\\d)",
        "(acessado|consultado|acesso) em:? \\d{1,2}( de | |/)[a-z0-9]+\\.?( de | |/)\\d{2,4}",
        # ... with the date in ISO form, or the medium in brackets of a citation to copy ("desenrascar in Dicionário
        # Lusitano [em linha]. Porto: ... Consultado em 2025-11-20."), and the box's heading alone on its line.
        "(acessado|consultado|acesso|retrieved|accessed) (em|on):? \\d{4}-\\d\\d-\\d\\d", "(em linha|online)\\]",
        "^(como citar|como referenciar|how to cite|cite) (este|esta|this) (artigo|pagina|entrada|article|page|entry)$",
        # ... or over the citation itself, after a colon (probe 32): "Cite this article: Hollis, R., ...", "Como citar:
        # Cardoso, I., ...".
        "^(como citar|como referenciar|how to cite)( (este|esta|this) (artigo|pagina|entrada|article|page|entry))? ?: ",
        "^(cite) (este|esta|this) (artigo|pagina|entrada|article|page|entry)( as)? ?: ",
        # ... an educational site's box (probe 25): "Gostaria de fazer a referência deste texto em um trabalho escolar?
        # Veja:" over "SOUSA, Rafaela. "Ciclo da água"; ... Disponível em: https://... Acesso em 02 de dezembro de 2026."
        "(referencia|citacao) (deste|desta|a este|a esta) (texto|artigo|conteudo|pagina|materia)",
        "(disponivel em|available at|available from):? <?https?://[^ ]+>?\\.? (acesso|acessado|accessed|consultado)",
    )),
    # A library catalogue's record: its fields ("ISBN: 9781838219047", "Physical description: 312 pages",
    # "Subjects: Salt marshes -- England", in the plural: a letter's "Assunto:" is its subject) and its availability
    # line ("Available at 3 of 5 libraries").
    "catalogue field": (True, (
        "^(isbn|isbn-10|isbn-13):? ?[0-9x-]{10,}", "^(physical description|descricao fisica|call number|shelfmark) ?:",
        "^(subjects|assuntos) ?: ",
        # A preprint's fields (probe 41): "Comments: 24 pages, 6 figures, 2 tables; submitted to ...", "(or
        # bioRxiv:2612.04417v1 [q-bio.PE] for this version)".
        "^(comments) ?: ?\\d+ pages", "^(or) [^ ]+( \\[[^\\]]+\\])? for this version\\)?$",
        # ... and its classification schemes' codes and other record fields (probe 42): "ACM classes: I.2.7", "MSC
        # classes: 68T50", "JEL codes: C21", "Journal reference: ...", "Report number: ...".
        "^(acm|msc|jel|pacs) (classes|class|codes?|classification) ?: ", "^(journal reference|journal-ref|report number|"
        "report-no) ?: ",
        # A court decision's record, over its summary (probe 44): "Relator: MARIA JOÃO MATOS", "Descritores:
        # ARRENDAMENTO URBANO; ...", "Votação: UNANIMIDADE", "Decisão: IMPROCEDENTE", "Neutral citation: [2026] EWCA
        # Civ 112". A ruling's sentence is long and says what was decided, and stays; so does the case number closing a
        # story on the ruling ("Processo: 1.0000.24.318822-7/001", probe 23), which goes only in a run of the record's
        # fields (record_fields_reason).
        "^(relator|relatora|juiz relator|juiza relatora|desembargador relator|desembargadora relatora|judge|judges|"
        "coram)( ?\\(a\\))? ?: ?[^\\W\\d_]+[.,]?( [^\\W\\d_]+[.,]?){0,7}$",
        "^(descritores|votacao|meio processual|comarca|data do acordao|data da decisao|data do julgamento|orgao julgador|"
        "tribunal recorrido|classe processual|date of judgment|date of judgement|judgment date|hearing date|hearing dates|"
        "neutral citation|neutral citation number) ?: ",
        "^(decisao|decision|outcome) ?: ?(procedente|improcedente|parcialmente procedente|provido|nao provido|"
        "negado provimento|deferido|indeferido|confirmada|revogada|allowed|dismissed|granted|refused|upheld|quashed)",
        # A journal's issue with its year, as its article page shows it (found blind in probe 38): "Artigo original ·
        # Vol. 41 N.º 3 (2026)", "Vol. 12, No. 4 (2025)".
        "(vol)\\.? ?\\d{1,4},? (n\\.?[oº°]?|no\\.|num\\.|issue|nr\\.) ?\\d{1,4},? \\((19|20)\\d\\d\\)",
        # An official gazette's issuing body over its act (probe 22): "Órgão: Ministério do Meio Ambiente/...".
        "^(orgao): ",
        # ... and an issue tracker's, two on a line (probe 20): "Assignees: rafaelcosta · Labels: bug · Milestone: 2.4".
        "^(assignees?|reviewers?|labels|milestone|responsaveis|revisores|etiquetas|marco) ?: [^:]{1,60}(·|\\|) ?"
        "(assignees?|reviewers?|labels|milestone|projects?|responsaveis|revisores|etiquetas|marco|projetos?) ?:",
        "^(available|disponivel) (at|in|em) \\d+ (of|de) \\d+ (libraries|branches|bibliotecas|unidades|lojas|stores)$",
        # A record's holdings without their label, counts of one item's states (found blind in probe 35): "2 copies, 1
        # available, 0 holds", "3 exemplares, 1 disponível, 2 reservas", "40 tickets, 12 sold, 28 available". A list's
        # counts of different things ("2 eggs, 1 onion, 3 carrots") name no state.
        "^\\d+ [^\\W\\d_]+( [^\\W\\d_]+)?(, \\d+ [^\\W\\d_]+( [^\\W\\d_]+)?)*, \\d+ "
        "(available|disponive(l|is)|on loan|emprestad[oa]s?|on hold|holds?|reservas?|reservad[oa]s?|requests?|"
        "pedidos?|checked out|requisitad[oa]s?|in transit|em transito|sold|vendid[oa]s?|booked|left|restantes?)"
        "(, \\d+ [^\\W\\d_]+( [^\\W\\d_]+)?)*$",
        # A repository's item type (probe 33): "Tipo de documento: Artigo", "Item type: Journal article", and a plain
        # "Tipo:" whose value is a kind of document ("Tipo: Dissertação"; a listing's "Tipo: Speed" is its detail).
        "^(tipo de documento|tipo do documento|tipo de item|tipo de publicacao|tipo de recurso|item type|document type|"
        "publication type|resource type|output type) ?: ",
        "^(tipo|type) ?: (artigo|article|dissertacao|dissertation|tese|thesis|livro|book|capitulo|chapter|"
        "preprint|working paper|conference|monografia|trabalho de conclusao)",
        # ... and its deposit's administration (probe 33's EPrints page): "Depositing User: ...", "Date Deposited: ...",
        # "Official URL: ...", "Full text not available from this repository.", "Repository Staff Only: item control
        # page", "Downloads per month over past year", "View Item".
        "^(depositing user|deposited by|date deposited|deposited on|data de deposito|depositado por|depositado em|"
        "official url|url oficial) ?:",
        "(full text|texto integral|texto completo) (not available|nao disponivel|indisponivel)",
        "repository staff only", "item control page", "downloads per month",
        "^(view|ver|mostrar) (item|registo|registro|full record|full item record|registo completo|registro completo)$",
    )),
    # A paper's index terms, its subjects by its authors (probe 32): "Keywords: blue carbon; mangroves", "Palavras-chave:
    # montado; cortiça"; their words are the title's and abstract's again, no statement. Among a record's fields they
    # are one of its fields (see BatchLines.rescued).
    "index terms": (True, (
        "^(keywords|key words|palavras-chave|palavras chave|palabras clave|index terms) ?[:—–-] ",
    )),
    # What a site says around its login and comment forms.
    "account notice": (True, (
        # A block editor's status and its empty block's placeholder (found blind in seed-shaped probe 43's WordPress):
        # "Rascunho guardado às 09:12", "Draft saved at 9:12", "Escreva / para escolher um bloco", "Type / to choose a
        # block".
        "^(rascunho|draft) (guardado|salvo|saved)( (as|a|at))? \\d{1,2}[:h]\\d\\d",
        "(escreva|digite|type) / (para|to) (escolher|choose) (um|a) (bloco|block)",
        # A course's progress bar, the learner's own (probe 39): "Progress: 9 of 24 steps complete (38%)", "Progresso:
        # 3 de 10 aulas concluídas".
        "^(progress|progresso) ?: ?\\d+ (of|de) \\d+ [^\\W\\d_]+ (complete|completed|done|concluid[oa]s)",
        # Who is logged in, at a platform's foot (probe 25): "Está autenticado como Inês Carvalho (Sair)", "You are logged
        # in as Sam Lee (Log out)".
        # ... or Moodle's (seed-shaped probe 43): "Está a usar o acesso como Ana Ribeiro (Sair)", "Você acessou como ...".
        "(autenticad[oa]|logad[oa]|logged in|signed in|a usar o acesso|usando o acesso|acessou) (como|as) "
        "[^\\W\\d_]+( [^\\W\\d_]+){0,3} "
        "\\((sair|log out|logout|sign out|terminar sessao)\\)",
        "(must|need to) be logged in", "logged in to (reply|comment|post|continue)",
        # ... in Portugal's words (found blind in probe 28): "Tem de iniciar sessão para responder a este tópico."
        "(tem|tens|precisa|precisas) (de |que )?iniciar sessao para (responder|comentar|publicar|participar)",
        # ... or to have it open (probe 32): "Tens de ter sessão iniciada para responder a este tópico."
        "(ter|estar com|com) (a )?sessao iniciada para (responder|comentar|publicar|participar)",
        "crie uma conta ou (faca|entre|efetue)", "create an account or (log|sign) in",
        "(faca|efetue|entre com seu) login para", "precisa (estar (logad|conectad)[oa]|ser (um )?(membro|usuario cadastrado) para)",
        # A thread's call to log in to take part, alone on its line: "Entre para comentar", "Sign in to reply".
        "^(entre|entrar|inicie sessao|log in|sign in|login) (para|to) "
        "(comentar|responder|votar|participar|publicar|comment|reply|vote|post|join the discussion)$",
        # ... or to register first, a forum's wall over its reply box: "Tem de iniciar sessão ou registar-se para
        # responder aqui.", "You must log in or register to reply here.", "Faça login ou registre-se para responder."
        # (the imperative found blind in probe 36).
        "(log in|login|sign in|iniciar sessao|fazer login|entrar) (ou|or) (se )?(register|sign up|registar-se|"
        "registrar-se|cadastrar-se|cadastrar|registrar|registre-se|registe-se|cadastre-se|crie uma conta|"
        "criar uma conta|create an account) (para|pra|to) "
        "(reply|comment|post|responder|comentar|publicar|participar)( (here|aqui))?\\W*$",
        "(email|e-mail) address (will not|won't) be published",
        # A Mastodon server's wall for readers who are not signed in (seed-shaped probe 44): "Iniciar sessão para seguir
        # perfis ou marcadores, favoritar, partilhar e responder a publicações.", "Login to follow profiles or hashtags".
        "(iniciar sessao|inicie sessao|login|log in|sign in|entre|entrar) (para|to) (seguir|follow) (perfis|profiles|"
        "contas|accounts)",
        "(seu|o seu) endereco de e-?mail nao sera publicado", "required fields are marked",
        "campos obrigatorios (sao )?marcados", "all times are (utc|gmt)", "todos os horarios sao (utc|gmt)",
        # A comment form's consent box: "Save my name, email, and website in this browser for the next time I comment."
        "next time i comment", "proxima vez que eu comentar",
        # A comment section's rules: "Comments are moderated. Please read our community guidelines."
        "comments are (pre-?)?moderated", "comentarios (sao|serao) moderados", "community guidelines",
        "(diretrizes|regras) da comunidade", "(sujeit[oa]s?|subject) (a|to) (moderacao|moderation)",
        "regras de participacao",
        # A public-records site's rules on a request's page (found blind in probe 23): "This request has been closed to
        # new correspondence.", "Is this request public? Yes. Find out more about how we publish requests."
        "request has been closed to new correspondence", "is this request public",
        # A metered paywall's count of what the reader had free (seed-shaped probe 40: "Você atingiu o limite de 3
        # reportagens gratuitas neste mês."; "You've read all 5 of your free articles this month"); a story's "o limite
        # de 3 mandatos" counts no free reads.
        "(atingiu|alcancou|chegou ao|esgotou) (o )?(seu )?limite de \\d+ (reportagens|materias|artigos|noticias|textos|"
        "conteudos) (gratuit[oa]s|gratis)",
        "(you've|you have) (read|reached|used) (all |your )?(\\d+ )?(of )?(your |\\d+ )?free (articles|stories)",
    )),
    # Keep a Changelog's template notice over a changelog's releases (s47-cleaning2, s48-cleaning): the same words in
    # every file made from it, as it words them in English and in its Portuguese translation.
    "changelog template": (True, (
        "all notable changes to this project (will be|are) documented in this file",
        "the format is based on \\[?keep a changelog", "this project adheres to \\[?semantic versioning",
        "todas as (mudancas|alteracoes) (notaveis|relevantes) (deste|neste|a este) projeto (serao|sao) documentadas",
        "o formato (e|esta) baseado (em|no) \\[?keep a changelog", "(este|o) projeto (segue|adere a|adota) o? ?\\[?versionamento semantico",
    )),
    # The footer of a mailing: why it came and how to stop it.
    "mailing notice": (True, (
        # ... as pt-PT says it (cleaning46's blind e-mail, probe 47): "Para deixar de receber as nossas novidades,
        # cancele a subscrição aqui", "alterar as suas preferências".
        "para deixar de receber", "cancel(e|ar|ar a sua) (a )?subscricao", "alterar as suas preferencias",
        "unsubscribe", "update (your )?preferences", "descadastrar", "descadastre-se", "cancelar (a )?inscricao",
        "(you received|you are receiving|you're receiving|you have received|you receive) this "
        "(email|e-mail|message|newsletter)",
        "voce (esta recebendo|recebeu|recebe) (este|esse) (e-?mail|mensagem|boletim)",
        # ... said without "você", as pt-PT says it (probe 45): "Recebeu este boletim porque se inscreveu no site".
        "(recebeu|recebe|esta a receber) (este|esta|esse|essa) (e-?mail|mensagem|boletim|newsletter) porque",
        "view (this|it|this email|this e-mail|the email) (online|in (your |a )?browser)",
        "(ver|visualizar|veja) (este|o|esse) e-?mail no navegador", "forward (this|it)? ?to a friend",
        # ... the mailing named by another noun than "e-mail" (s53-acceptance's forwarded bulletin): "Ver esta mensagem
        # no navegador", "View this message in your browser", "Veja esta newsletter no seu navegador".
        "(ver|visualizar|veja|abra|abrir) (esta|essa|este|esse) (mensagem|newsletter|boletim|edicao) no (seu )?"
        "(navegador|browser)",
        "view this (message|newsletter|issue) (online|in (your |a )?browser)",
        # ... with its reader's browser (probe 28): "Não está vendo as imagens? Veja este e-mail no seu navegador.", "Ver
        # este email no browser". (Each phrase is screened by its last word, an uncommon one.)
        "(ver|visualizar|veja|abra|abrir) (este|o|esse) e-?mail no seu navegador",
        "(ver|visualizar|veja|abra|abrir) (este|o|esse) e-?mail no (seu )?browser",
        # ... the e-mail named before, as a pronoun (probe 45): "Se não conseguir ver este e-mail, abra-o no seu
        # navegador."
        "(abra|veja|visualize|abri|ve|visualiza)-(o|a|lo|la) no (seu )?(navegador|browser)",
        # ... or the trouble it answers, and its link alone closing the line (found blind in probe 38): "Problemas para
        # visualizar este e-mail? Ver no navegador".
        "(problemas|dificuldades) (para|ao|em) (visualizar|ver|abrir|ler) (este|esse|o|a|esta|essa) (e-?mail|mensagem|"
        "boletim|newsletter)", "(ver|visualizar|abrir) no (seu )?(navegador)$",
        # ... or the trouble said as a condition, with its link (seed-shaped probe 42): "Se não consegue ver este email,
        # clique aqui.", "Can't see this email? View it online".
        "(nao consegue|nao conseguir|nao esta a conseguir|nao esta conseguindo|can't|cannot|unable to) (ver|visualizar|"
        "ler|abrir|see|view|read|open) (este|esta|esse|essa|this) (e-?mail|mensagem|boletim|newsletter|message)",
        # ... or its link said whole, ending in a stop (found blind in probe 45): "Clique aqui para ver no navegador.";
        # a story's "não sabia ver no navegador." has no click.
        "(clique|toque) (aqui )?para (ver|visualizar|abrir|ler)( (este|o|esse) e-?mail)? no (seu )?(navegador|browser)",
        # A news site's sign-up box, its consent line under the button, with its "unsubscribe" (probe 28): "We use your
        # sign-up to provide content in ways you've consented to ... You can unsubscribe at any time."
        "in ways (you've|you have) consented to",
        "encaminhe (para|a) um amigo",
        # "Forward this email to a friend who ...", "Encaminhe esta newsletter a um colega".
        "forward (this|it) (email|e-mail|newsletter|issue|message) to "
        "(a )?(friend|friends|colleague|colleagues|someone)",
        "(encaminhe|reencaminhe) (este|esta|esse|essa) (e-?mail|newsletter|boletim|mensagem|edicao) (para|a) "
        "(um|uma|os|as|seus|suas) (amig|coleg)[oa]s?",
    )),
    # A digitally signed publication's footer (an official gazette's).
    "signature notice": (True, (
        "assinad[oa]s? digitalmente", "digitally signed",
        "autenticidade (deste|desta|do|da) (documento|publicacao|edicao)", "authenticity of this (document|publication)",
        # An electronic signature's block in Brazil's public administration (SEI): "Documento assinado eletronicamente
        # por ..., conforme horário oficial de Brasília", the check codes under it, and the system's version line
        # ("Criado por ana.souza, versão 2 por pedro.lima em 12/02/2025").
        "assinad[oa]s? eletronicamente", "electronically signed", "horario oficial de (brasilia)",
        "codigo verificador", "(codigo) crc",
        # A letter printed by a system, at its foot: "This letter was produced electronically and is valid without a
        # signature", "Este documento é válido sem assinatura".
        "(letter|document|notice|statement|carta|documento|oficio|aviso|declaracao)( [^\\W\\d_]+){0,5} (is|e) "
        "valid[oa]? (without|sem) (a |the |uma )?(signature|assinatura)",
        "^(criad[oa]|created) por [\\w.]+, versao \\d+ por [\\w.]+ em \\d+",
        # ... and in Portugal's words: "Este documento foi enviado por correio eletrónico e dispensa assinatura."
        "dispensa (a )?assinatura",
        # A mail app's own line under a message, alone (found blind in probe 44): "Sent from my iPhone", "Enviado do
        # meu iPhone", "Get Outlook for Android"; a forum app's "Sent from my iPhone using Tapatalk" is its template.
        "^(sent from my|enviado do meu|enviado de meu|enviado a partir do meu) (iphone|ipad|android|samsung|galaxy|"
        "smartphone|telemovel|celular|mobile|blackberry)$",
        "^(get|obter|baixe|baixar) (o )?outlook (for|para) (ios|android)",
    )),
    # An e-mail's quoted reply, under its header: "Em qua., 5 de fev. de 2025 às 09:31, Rui <...> escreveu:",
    # "On Tue, 4 Feb 2025 at 16:02, Sam <...> wrote:" (a date and the verb closing the line). Tried from a whole
    # word only, the digit looked for ahead once, so that a long paragraph with "wrote" costs one pass per "on".
    "quoted e-mail header": (True, (
        "(?<![^\\W_])(em|on|no dia) (?=[^\\n]*\\d)[^\\n]*(escreveu|wrote) ?:$",
        # ... and a forum's over the post it quotes (probe 28): "Quote from: wheelie_ken on 11 March 2026, 21:40",
        # "Citação de: rui_m em 3 de março de 2026".
        "^(quote|citacao|citando|citar) (from|de) ?: [^\\n]*\\d$",
    )),
    # Who publishes the site, as company law asks a footer to say.
    "company details": (True, (
        "registered office ?:", "registered in (england|scotland|wales|ireland)( and wales)?,?( with)?( company)? (no|number)",
        "company (registration )?(number|no)", "registered charity",
        "cnpj ?:? ?\\d{2}\\.?\\d{3}",
        # Portugal's company and tax numbers and a bank account, as a footer gives them: "NIPC: 500 000 000 · IBAN: PT50".
        "(nipc|nif|nuit) ?:? ?\\d{3}", "iban ?:? ?[a-z]{2}\\d\\d",
        # ... and an estate agent's licence beside its name: "Imobiliária Douro Lar · AMI 12345".
        "ami ?(n[.o]* ?)?:? ?\\d{3,6}(?!\\d)",
        # ... and a Brazilian health service's technical director, by law on its pages (found blind in probe 20):
        # "Responsável técnico: Dr. Marcelo Antunes – CRM-SP 98.765".
        "^(responsavel tecnic[oa]|diretora? tecnic[oa]|diretora? clinic[oa]) ?:",
        # ... and a public service's body under its page (probe 33): "Entidade responsável: Instituto da Segurança Social".
        # ... or a gov.br service's (probe 35): "Órgão responsável: Instituto Nacional do Seguro Social (INSS)".
        "^(entidade responsavel|organismo responsavel|orgao responsavel|entidade competente|responsible body|"
        "responsible organisation|responsible organization|responsible department) ?:",
    )),
    "terms notice": (True, (
        "termos (de uso|e condicoes|de servico)", "terms (of (use|service)|and conditions)",
        # A platform's content rules and a community's, the footer's links (found blind in seed-shaped probe 44's
        # Reddit): "Política de Conteúdo do Reddit", "Content Policy", "Regras do r/brdev".
        "^(politica de conteudo|content policy)", "^(regras|rules) (do|de|da|of) r/[\\w-]+$",
        # A crowdfunding platform's funding terms: "All or nothing. This project will only be funded if ...".
        "^(all or nothing|tudo ou nada|all-or-nothing|tudo-ou-nada)\\.",
        # ... its hyphenated name as a label (found blind in probe 18; "All or nothing: that was the choice ..." is prose).
        "^(all-or-nothing|tudo-ou-nada) ?:", "(will only be|so sera) (funded|financiad[oa])",
        "so recebera os recursos",
        # A shop's age check on alcohol (found blind in probe 20): "You must be 18 or over to buy alcohol. We operate
        # Challenge 25."
        "we operate (challenge|think) (21|25)", "(operamos|aplicamos) (a )?(politica )?(challenge|think) (21|25)",
        # A box office's terms under its prices (probe 38): "Bilhetes sujeitos à disponibilidade da sala.", "Tickets
        # subject to availability."; the words apart ("os bilhetes estão sujeitos a ...") are a story's.
        "(bilhetes|ingressos|lugares|entradas|tickets|seats) (sujeit[oa]s|subject) (a|to)(?![^\\W_])",
        # A restaurant's legal lines under its menu (probe 40): "Preços em euros com IVA incluído à taxa legal em vigor.",
        # "Não é cobrado nenhum artigo que não seja solicitado.", "Alergénios: peça a informação ao nosso staff."; a
        # story's "o preço, com IVA incluído, ..." opens with neither.
        "^(precos|valores|todos os precos|os precos)( em euros)?,? (com )?iva (incluido|incluso)(?![^\\W_])",
        "(nao e|nao sera) cobrad[oa] (nenhum|qualquer) (artigo|prato|produto) que nao (seja|tenha sido) (solicitado|pedido)",
        "^(alergenios|alergenos|allergens|informacao sobre alergenios) ?:? (peca|pergunte|consulte|solicite|please ask|ask)"
        "(?![^\\W_])",
    )),
    "navigation": (True, (
        # A video page's transcript prompt (found blind in seed-shaped probe 43's YouTube page): "Acompanhe o vídeo com a
        # transcrição.", "Follow along using the transcript."
        "^(acompanhe o video com a transcricao|follow along using the transcript)\\W*$",
        "skip to (the )?(main )?(content|navigation|search|footer|menu)", "pular para o conteudo", "ir para o conteudo",
        # A wiki's skip links past its page's metadata, copied with the page (Confluence's export, probe s53-cleaning2):
        # "Skip to end of metadata", "Go to start of metadata", "Saltar para o fim dos metadados".
        "^(skip|jump|go) to (the )?(start|end|beginning) of (the )?(metadata|banner|page|comments)$",
        "^(saltar|pular|ir) para o (inicio|fim|final) d(os|as|o|a) (metadados|pagina|comentarios)$",
        # An encyclopedia's hatnote over its article, a link to a page of the same name, and its coordinates, a link to
        # the map (probe 40): "Nota: Para a vila, veja Ponte de Lima.", "Se procura a vila, veja ...", "Não confundir
        # com ...", "Coordenadas: 41° 46′ 02″ N, 8° 35′ 01″ O".
        "^(nota|note|hatnote): (para|for|se procura|se procurava|if you are looking for)[^.!?]{1,80}, (veja|ver|consulte|see)"
        "(?![^\\W_])",
        "^(se procura|se procurava|esta pagina e sobre|this article is about)(?![^\\W_])[^.!?]{1,80}[.,;] ?(veja|see|para|for)"
        "(?![^\\W_])",
        "^(nao confundir com|not to be confused with) [^.!?]{1,80}\\.?$",
        # ... without the "Nota:" (probe 47's blind Derwent, probe 48): "For other uses, see Kestrel (disambiguation).",
        # "For other rivers with the same name, see River Derwent.", "Para outros significados, veja ...": the line ends
        # with the page it points to.
        "^(for|para) (other|outros|outras|the|a|o|as|os)(?![^\\W_])[^.!?,]{0,60}, (see|veja|ver|consulte)(?![^\\W_])"
        "[^.!?,]{1,60}\\.?$",
        "^(coordenadas|coordinates) ?:? ?\\d{1,3} ?° ?\\d",
        # A government page's topics and the nations it covers, under its title (GOV.UK, probe 33): "Part of: Schools
        # and education", "Applies to England and Wales".
        "^(part of): [^\\W\\d_][^.!?]{0,80}$",
        "^(applies) to:? (england|scotland|wales|northern ireland|the uk|all of the uk)((,| and) (england|scotland|wales|"
        "northern ireland))*$",
        # A learning platform's jump menu and language menu (probe 25's Moodle page): "Seguir para...", "Jump to...",
        # "Português - Portugal (pt)", "English (en)".
        "^(seguir para|jump to|saltar para)\\s*(\\.\\.\\.|…)$",
        "^(portugues|english|espanol|francais|deutsch|italiano)( - [^\\W\\d_]+( [^\\W\\d_]+)?)? \\((pt|en|es|fr|de|it)(_[a-z]{2})?\\)$",
        # A forum's count of who is reading a thread: "Usuários navegando neste tópico: 1 (0 membros e 1 visitante)".
        "(?:usuarios|membros|visitantes|pessoas) navegando (neste|nesse|este|esse) (topico|forum)",
        "(?:users|members|visitors|people) browsing (this|the) (thread|forum|topic)",
        # A federated server's line about itself at its pages' foot (found blind in seed-like probe 19): "fosstodon.org is an
        # English speaking Mastodon instance that is open to anyone ...".
        "([a-z0-9-]+)\\.[a-z]{2,8} (is|e) (a|an|um|uma)( [^\\W\\d_-]+){0,4} mastodon (instance|server|instancia|servidor)",
        "([a-z0-9-]+)\\.[a-z]{2,8} e (um|uma)( [^\\W\\d_-]+){0,2} (instancia|servidor) mastodon",
        # An accessibility menu's jumps ("Ir para o Menu 2", "Ir para a Busca 3").
        "^(ir|pular|saltar) para (o|a) (conteudo|menu|busca|pesquisa|rodape|navegacao)",
        # A shop's search box, its placeholder naming what it finds "and more" (probe 38): "Buscar produtos, marcas e
        # muito mais…", "Search products, brands and more...".
        "^(buscar|busque|pesquisar|pesquise|procurar|procure|search|find)( [^\\W\\d_]+,?){1,5} (e|and|ou|or) (muito )?"
        "(mais|more) ?(\\.\\.\\.|…)$",
        # A board's links and boxes around a thread (probe 34's phpBB page): "Voltar para “Pesca à truta”", "Return to
        # “Sea fishing”", a jump box's "Ir para" alone, "Quem está ligado", "Utilizadores a ver este fórum: ...".
        "^(voltar|regressar|return|back) (para|a|ao|to) [\"“«'‘]", "^(ir para|jump to)$",
        "quem esta (ligado|online)$", "who is (online)$",
        "(utilizadores|usuarios) a (ver) (este|esse) (forum|topico)",
        # A forum's link up to the page's top, alone on its line (seed-shaped probe 43's GitHub discussion; "return to
        # top form" is a sentence's).
        "^(return) to top\\W*$",
        # A reply's subject over it, the thread's title again: "Re: Truta no rio Lima", alone on its line.
        "^(re): [^.!?]{1,120}$",
        # A blog platform's pager and profile link (Blogger): "Postagem mais recente Postagem mais antiga Página
        # inicial", "Newer Post Older Post Home", "Visualizar meu perfil completo", "View my complete profile".
        "postagem mais (recente|antiga)", "^(newer|older) posts? (newer|older) posts?",
        "visualizar (meu )?perfil completo", "^(view) my complete profile",
        # A journal publisher's banner over its paper (probes 30 and 31): "Contents lists available at ScienceDirect",
        # "Listas de conteúdos disponíveis em SciELO".
        "^(contents? lists?|listas? de conteudos?) (are )?(available|disponive(l|is)) (at|on|em|no|na)(?![^\\W_])",
        "back to top", "voltar ao topo", "menu principal", "main menu",
        # A breadcrumb's label, no word before it: a recipe's "until it looks like breadcrumbs" is food (probe s50).
        "(?<![^\\W\\d_] )breadcrumbs?",
        "mapa do site", "sitemap", "seu navegador nao suporta", "your browser does not support",
        "enable javascript", "ative o javascript", "powered by", "proudly (powered|made|built)",
        # A blog platform's "powered by" in Portuguese, closing its line, and WordPress's own: "Tecnologia do
        # Blogger.", "Com tecnologia do Blogger.", "Blog no WordPress.com." (a story's "tecnologia da informação"
        # names no platform; the platforms' names screen the phrase).
        "tecnologia (do|da) (blogger|blogspot|wordpress|wix|tumblr|weebly|jimdo|webnode|squarespace|"
        "substack)\\.?$",
        "^(blog|site|website) (at|no|em|on) wordpress\\.com",
        # A federated server's or a forum software's line on itself, at the page's foot (seed-shaped probe 44):
        # "masto.pt é um dos muitos servidores Mastodon independentes que pode utilizar para participar no
        # fediverso." (two cues: it has sixteen words), "Built on Forem — the open source software that powers DEV and
        # other inclusive communities."
        "(participar no|participate in the) fedivers[eo]",
        "(um dos muitos servidores|one of the many independent) mastodon",
        "^(built on|built with) [^\\W_][\\w.]* [—–-] ",
        # A thread unroll app's page around the thread it copied: "Thread by @ana on Thread Reader App", "Missing
        # some Tweet in this thread? You can try to force a refresh", "... when new unrolls are available".
        "thread ?reader ?app", "^(thread|unroll|fio) (by|de|por) @[\\w.]+ (on|no|em)(?![^\\W_])",
        "missing some (tweets?|posts?) in this thread", "force a refresh", "(new|latest|more) unrolls",
        # The sign-language widget of Brazilian public sites: "Conteúdo acessível em Libras usando o VLibras ...".
        "vlibras", "(conteudo|site|pagina|portal) acessivel em libras",
        "orgulhosamente (feito|mantido|desenvolvido|criado) com",
        # ... a site's line naming its platform (probe 23): "Sítio desenvolvido com Joomla!", "Site criado com WordPress".
        "^(sitio|site|website|portal|blog) (desenvolvido|feito|criado|construido|mantido) com [^.!?]{1,30}!?$",
        # ... a published page's builder alone on its line and its sign-up link (probe 49's Notion page, seedlike41's):
        # "Made with Notion", "Feito com o Notion", "Get Notion free", "Obtenha o Notion grátis".
        "^(made|built|created|feito|criado|construido) (with|com) (o |a )?[\\w.]+$",
        "^(get|try|obtenha|experimente) (o |a )?[\\w.]+ (for )?(free|gratis|de graca)$",
        # A printed page's number: "Page 2 of 7", "Página 3 de 10", the word cut short too (probe s45's blind PDF page:
        # "Pág. 7 de 40").
        "^(page|pagina|pag)\\.? ?\\d+ (of|de) \\d+$",
        # ... or alone (probe 28's report exported from PDF): "Página 3", "Page 12".
        "^(page|pagina|pag)\\.? ?\\d{1,4}$",
        # ... closing a running header or footer after a separator: "UFMG – Nota à imprensa – Página 1 de 2".
        "(?<=[|·•–—-] )(page|pagina|pag)\\.? ?\\d+ (of|de) \\d+$",
        "jump to (the )?(recipe|content|itinerary|comments|section|navigation|reviews)",
        "(pular|saltar) para (a|o|os) (receita|conteudo|comentarios|navegacao|menu|roteiro)",
        "^(you are here)", "^(categories|category|categorias|categoria|marcadores) ?:",
        # A blog's sidebar widgets, their headings alone: "Categorias", "Arquivos", "Archives", "Blog Archive", "Meta".
        "^(categories|categorias|archives|arquivos|blog archive|arquivo do blog)$",
        # A wiki's origin line, at its start ("Wikipedia, the free encyclopedia, turned 25" is news), any wiki's
        # ("From OpenDales Wiki, the free encyclopedia"; s52-cleaning2).
        "^(from) wikipedia, the free encyclopedia", "^(origem): wikipedia",
        "^(from) (?!wikipedia,)[\\w ]{1,40}, the free encyclopedia", "^(origem): (?!wikipedia,)[\\w ]{1,40}, a enciclopedia livre",
        # An institutional repository's item page (DSpace, used by most universities).
        "(use|utilize) (este|esse) identificador para (citar|referenciar)", "(citar|cite) (ou|or) (linkar|link)", "use this identifier to cite", "mostrar (o )?registro completo",
        "show (the )?full item record", "aparece nas colecoes", "appears in collections", "arquivos associados a este item",
        "files in this item",
        "this page was last edited", "this page was last modified", "esta pagina foi editada", "esta pagina foi modificada",
        # A link to the next or previous page of a series, with its title: "Previous talk: ...", "Próxima notícia: ...",
        # "Post anterior: ..." (a plain "Next step: ..." or "Próxima aula: terça, 14h" is no such link).
        "^(previous|prev|next|proxim[oa]) (talk|article|post|story|episode|chapter|video|recipe|page|noticia|materia|artigo|"
        "episodio|capitulo|palestra|reportagem|texto|receita|pagina) ?[:»›]",
        "^(noticia|materia|artigo|post|episodio|capitulo|palestra|reportagem|texto|receita|pagina) (anterior|seguinte) ?[:»›]",
        # A pager's page numbers and its next link (probe 35): "1 2 3 … 52 Next", "1 2 3 4 Próxima".
        "^\\d{1,3} \\d{1,3} \\d{1,3}( \\d{1,3})*( (…|\\.\\.\\.) \\d{1,4})? (next|proxima|seguinte)$",
        # A listing's pager count: "Showing 1–24 of 96 results", "Mostrando 1 a 20 de 340 produtos"; what it counts may
        # come first (probe 35): "Showing results 1-2 of 312", "Mostrando avaliações 1-10 de 84".
        "^(showing|displaying|viewing|mostrando|exibindo)( (results|reviews|products|items|resultados|avaliacoes|"
        "produtos|itens|anuncios))? \\d+ ?([-–]|a|to) ?\\d+ (of|de) \\d",
        # A paper's page in a repository around its abstract: "Cite as: arXiv:...", "Submission history", "[Submitted on
        # 5 Mar 2025 ...]", "View a PDF of the paper titled ...", its endorsers' and MathJax links.
        "^(cite as|como citar|citar como|how to cite)( (this|este|esta) [^\\W\\d_]+)? ?:", "submission history",
        "historico de (submissao|submissoes|versoes)", "^(submitted|submetido|recebido) (on|em) \\d",
        # ... and a journal's history line, its dates received and accepted, in either Portuguese ("Recebido a 12 de
        # janeiro de 2026 · Aceite a 30 de abril de 2026") or English ("Received 14 March 2026; Received in revised form 2
        # June 2026; Accepted 19 June 2026").
        "^(received|recebido|recebida|submitted|submetido|submetida)( on| em| a| in)?:? \\d[^.!?]{0,40}?[·;,|/] ?"
        "([^\\W\\d_]+ ){0,2}(accepted|aceite|aceito|aceita|revised|revisto|revisado|published|publicado|publicada)(?![^\\W_])",
        "view (a )?pdf of (the|this) (paper|article)", "which authors of this (paper|article)", "disable mathjax",
        # ... its DOI alone on a line ("doi: https://doi.org/10.1101/...") and the declarations' labels around it, each a
        # line of its own: "Competing Interest Statement", "Funding Statement", "Author Declarations", "Subject Area".
        "^(doi) ?: ?(https?://(dx\\.)?doi\\.org/)?10\\.\\d{4,}/\\S+$",
        "^(competing|conflicting) interests?( statement)?$", "^(conflitos?|declaracao) de interesses?$",
        "^(funding|financiamento)( statement| information)?$", "^(author) (declarations|contributions)$",
        "^(data) availability( statement)?$", "^(disponibilidade|declaracao de disponibilidade) de dados$",
        "^(subject|subjects) areas?$", "^(areas?) tematicas?$",
        # ... each with its statement after it, as a journal's page gives them (probe 33): "Funding: This research was
        # funded by ...", "Conflicts of Interest: The authors declare no conflicts of interest."; and the heading of
        # its citation formats ("MDPI and ACS Style").
        "^(funding|financiamento|conflicts of interest|conflict of interest|competing interests|conflitos de interesses?|"
        "conflito de interesses?|author contributions|contribuicoes dos autores|data availability statement|"
        "institutional review board statement|informed consent statement) ?: ",
        "^(mdpi|acs|apa|ama|mla|chicago|harvard|vancouver|abnt|ieee)( (and|e) (acs|ama|apa|mla|chicago))? style$",
        # A forum's count of who reads the page (probe 33): "Quem está navegando 0 membros estão vendo esta página."
        "(membros|usuarios|visitantes|members|users|visitors) (estao vendo|a ver|are viewing|viewing) (esta|este|this) "
        "(pagina|topico|page|thread|topic)",
    )),
    # A link announced by its prompt: "Leia também: ...", "Read more » ...".
    "link prompt": (True, (
        "^(leia|veja|ver|read|see|acesse|confira|saiba|related|relacionad[oa]s?|more|mais)"
        "( (tambem|mais|more|also|next|on|too))? ?[:|»›>]",
        # ... an audio's or a video's ("Ouça também: episódio 41, sobre irrigação", "Watch next: ..."): the verb
        # alone before a colon may open a sentence ("Listen: the market ..."), so "também"/"next" must follow it.
        "^(ouca|escute|oica|assista|listen|watch) (tambem|also|next|more) ?[:|»›>]",
        # A call to the whole of something the page only quotes: "Ouça a entrevista completa ...",
        # "Leia a íntegra", "Watch the full interview".
        "^(ouca|assista|veja|leia|confira|acompanhe) (a|o|ao) (integra|(entrevista|reportagem|materia|conversa|nota) "
        "completa|(video|programa|debate|depoimento|discurso|podcast) completo|"
        "(materia|reportagem|noticia|publicacao|nota) original|(artigo|texto|post|video) original)",
        "^(watch|listen to|read|see|hear) (the )?full (interview|story|report|episode|video|statement|speech|conversation)",
        # ... or the original a post passes on, as "Ver original" is (probe 22): "Read the original article", "Leia a
        # matéria original".
        "^(read|see|view) the (original|full original|full) (article|post|story|thread)$",
        # A film's or a show's box of where it plays, its label first (probe s45's film review: "Where to watch: in
        # cinemas from 11 December"): a pointer to elsewhere. A review's credits stay as probe 42 has them.
        "^(where to|onde) (watch|stream|see it|assistir|ver)( (it|the film|the series|o filme|a serie))? ?:[^.!?]{0,80}$",
    )),
    "subscribe prompt": (False, (
        "assine", "assinar", "assinante", "assinantes", "exclusivo para assinantes", "subscribers only", "inscreva-se", "cadastre-se", "subscribe", "subscription", "sign up",
        "newsletter", "receba (os |as )?(nossas |nossos |novas |novos |ultimas |ultimos )?(principais )?"
        "(noticias|novidades|vagas|ofertas|promocoes|episodios)",
        "(in|to|into) your inbox",
        # A code project's call for stars (probe 30): "If you find tidewatch useful, give it a star!", "Deixe uma estrela
        # no repositório", "Star this repo".
        "give (it|us|the (repo|repository|project)) a star", "(deixe|deixa|de|da) (uma|a sua|sua) estrela",
        "star (this|the|our) (repo|repository|project)",
        # A social app's wall for readers who are not signed in (seed-shaped probe 44): X's "New to X?" and "Sign up now
        # to get your own personalized timeline!", Threads' "Veja o que as pessoas estão falando e participe da
        # conversa." (two cues in a sentence).
        "^(new to|novo no|nova no|novo na|nova na) [^\\W_][\\w.]*\\?$", "personali[sz]ed timeline",
        "(participe|participa|junte-se|join) (da|na|a|the) (conversa|conversation)",
        "(veja|see) o que (as pessoas|todo mundo) (estao|esta) (falando|dizendo)",
        "see what (people|everyone) (are|is) (talking about|saying)",
        # ... opened by its condition, which makes it the second cue of the line: "If you find this useful, ...", "Se
        # achou útil, ...".
        "if you (find|found) [^.!?]{1,40}? (useful|helpful)", "se (achou|achar|acharam|achares) [^.!?]{0,40}?(util|uteis)",
        # A paywall's offer: "Acesso ilimitado ... por R$ 1,90 no primeiro mês".
        "acesso ilimitado", "acesso digital ilimitado", "unlimited (digital )?access", "no primeiro mes", "caixa de entrada", "inbox",
        "get the latest", "gostou (deste|desse|do|da|desta|dessa) (conteudo|artigo|post|texto|receita|guia|materia)", "ative as notificacoes",
        "ative o sininho", "inscreva-se no (nosso )?canal", "(deixe|deixa) (seu|o seu|aquele|um) like",
        "smash (that|the) like",
        "enjoy(ed)? this (article|post|story|guide|recipe|newsletter|issue)", "enjoying the (show|podcast|newsletter)",
        # ... and what it offers by e-mail (probe 45): "Enjoyed this? Get new posts by email, twice a month."
        "(get|receive) (new|our|the latest|future|more) (posts|stories|articles|issues|recipes|updates) (by|via) "
        "(email|e-mail)",
        "(gostando|curtindo) do (podcast|programa|canal|blog)",
        "subscribe (for free|free)", "(assine|inscreva-se|subscreva) (gratis|gratuitamente|de graca)",
        # A podcast's closing ask (probe 28): "Please rate and review Slow Rails wherever you listen."
        "rate and review", "wherever you (listen|get your podcasts)",
        "never miss (a|an|another) (story|update|thing|article)",
        # A newsletter box's heading whatever it offers (found blind in probe 32): "Never miss a bake", "Não perca
        # nenhuma receita", "Be the first to know", "Seja o primeiro a saber".
        "^(never) miss (a|an|another|any)( [^\\W\\d_]+){1,2}$",
        "(perca|percas|percam) (nenhuma|nenhum|nada)( [^\\W\\d_]+){0,2}$",
        "(be the first|seja o primeiro|seja a primeira|sejam os primeiros) (to know|to hear|a saber|a receber)",
        "(para|pra) (nao|nunca) (perder|perderes|perderem|perdermos)( mais)? (nenhuma|nenhum|nada|as|os) "
        "(novidade|novidades|noticia|noticias|atualizacao|atualizacoes|post|posts|publicacao|publicacoes|conteudo|episodio)", "turn on notifications", "hit the bell",
        "receba (alertas|notificacoes|avisos)",
        "participe do (nosso )?(grupo|canal)", "join our",
        # A petition's call to sign it, as "Assine" is in Portuguese: "Sign the petition and share it" (a phrase, not a
        # plain word, so a short line with it goes; "She asked them to sign the petition, which closes in May." stays).
        "sign (the|this|our|my) petition",
        "baixe o (nosso )?(app|aplicativo)", "(descarregue|descarrega|instale|instala) a (nossa )?(app|aplicacao)",
        # ... a platform's link to its app (probe 25): "Obter a aplicação móvel", "Get the mobile app".
        "^(obter|obtenha|descarregar|descarregue|baixar|baixe|get|download) (a |o |the |our )?(aplicacao movel|app movel|"
        "aplicativo movel|mobile app)$",
        "download (our|the)( [^\\W\\d_]+){0,2} app", "subscreva", "subscrever",
        "(disponivel|available) (on|in|na|no|em) (the |a )?(app store|google play|ios|android)",
        # An app store's badge alone on its line: "Download on the App Store", "Get it on Google Play", "Baixar na
        # App Store" (a sentence that says an app came out there goes on).
        "^(get|download|baixar|baixe|descarregar|descarrega|obter|obtenha|explore)( it)? (on|from|no|na|em) "
        "(the |a )?(app store|google play|app gallery|microsoft store)$",
        # What a show or a site keeps for those who pay: "Transcript available for supporters on Patreon".
        "(?:available|disponivel|disponiveis|exclusive|exclusivo|exclusiva|exclusivos|exclusivas) (?:for|to|para) "
        "(our |os |as |nossos |nossas )?(supporters|patrons|apoiadores|apoiantes|patronos)",
        # "Receba um roteiro grátis no seu e-mail."
        "receba( [\\w-]+){0,8} (no|em) seu e-?mail",
        "stay in the loop", "fique por dentro",
        # A newsletter box's pitch (probe 25): "Get the best of the Courier delivered every morning" (both phrases in it:
        # a sentence needs the two, so "Milk was delivered every morning." stays).
        "^(get|receive) the best of(?![^\\W_])",
        "delivered (straight |directly |right )?(to you |to your (inbox|email|e-mail|phone|door) )?(every|each) "
        "(morning|day|weekday|week|evening|afternoon)",
        # A follow box's heading with the author's name alone: "Keep Current with Dana Whitfield".
        "^(keep|stay) (current|up to date|updated) with( [^\\W\\d_]+){1,4}$",
        # A membership pitch ("Seja sócio a partir de R$ 89/mês", "Become a member"), a platform's last call.
        "seja (socio|socia|membro|assinante)", "associe-se", "become a (member|patron|supporter|subscriber)",
        # ... and what it unlocks, for how little (found blind by seed-shaped probe 40: "Become a member to unlock every
        # story: your first month is free.").
        "unlock (every|all|unlimited) (stories|story|articles|article)", "(your )?first month (is )?free",
        "(seu )?primeiro mes (e )?(gratis|gratuito)",
        "ready for more",
        # A post's closing appeal to a reader who liked it ("If you liked this post, consider ...": "enjoyed" and
        # Portuguese's "gostou deste" are above) and the support it asks for ("sponsoring me on GitHub"); a newsletter's
        # paid tier ("Paid subscribers get ...", "Upgrade to a paid subscription").
        "liked (this|my|our) (article|post|story|guide|recipe|newsletter|issue|video|episode|tutorial)",
        "(sponsor|sponsoring) (me|us|this project|the project|my work|our work) on (github|patreon|ko-fi)",
        "paid (subscribers?|subscriptions?|members?|memberships?|tiers?|plans?)", "assinantes pagantes",
        # A product's upsell under a feature: "Available on the Business plan. Upgrade your plan to unlock ...".
        "upgrade (your|my) (plan|account|subscription|workspace)", "faca (o )?upgrade (do|de|da) (seu |sua )?(plano|conta)",
        "available (on|in|with) (the |our )?[^\\W\\d_]+ (plan|tier)", "disponivel (no|para o|com o) plano",
        # A paywall's appeal: "Support independent journalism", "Apoie o jornalismo local".
        "(support|apoie) (o |a )?(our |nosso |nossa |independent |local |quality )?(journalism|jornalismo)",
        # A newspaper's own appeal (probe 21): its button "Support the Guardian", "Apoie o Público"; a monthly sum
        # ("Fund the free press with £5 per month"); the box's opening ("we have a small favour to ask") and its
        # readers' support ("Readers ... now support us financially").
        "^(support|apoie) (the|o|a) [^\\W\\d_]+$",
        "(with|com|from|desde|por|just|only|apenas|so) (£|\\$|€|r\\$|us\\$) ?\\d+([.,]\\d+)? (per|a|por|ao|/) ?(month|mes)",
        "(we have|temos) (a|one|um) (small |pequeno )?(favour|favor|pedido) (to ask|a (te |lhe |vos )?(pedir|fazer))",
        "(support|apoiam|apoiar) (us|nos) (financially|financeiramente)",
        # A membership or upgrade pitch's call: "Join Greenacre Plus today", "Assine já", "Upgrade now".
        "(join|subscribe|upgrade|assine|associe-se|cadastre-se|inscreva-se)( [^\\W\\d_]+){0,3} (today|now|hoje|agora|ja)",
        # A paywall's appeal to readers: "Enjoying our journalism?", "Gostou do nosso jornalismo?".
        "(enjoying|enjoy|enjoyed|value|valoriza|gostando d[oa]|gosta d[oa]|gostou d[oa]) (our|nosso|nossa|o nosso|a nossa) "
        "(journalism|reporting|jornalismo|reportagens?)",
        # A call to rate the page: "Gostou? Avalie esta receita!", "Rate this recipe".
        "(avalie|classifique|rate) (esta|essa|this) (receita|recipe|materia|noticia|article|post)",
        # A listener-funded show's pitch: "Support us on Patreon", "Apoie o podcast no Apoia.se".
        "support (us|the (show|podcast|channel)) on", "apoie (o|a|nosso|nossa) (podcast|canal|programa|projeto|blog)",
        # The crowdfunding platforms such a pitch sends to, and what it offers there ("Apoia.se" screens by "apoia").
        "(apoia)\\.se", "patreon", "catarse", "ko-fi", "buy me a coffee",
        "(episodios|videos|aulas) (extras|bonus|exclusivos)", "bonus (episodes|content|videos)",
        # A feed post's call to follow, with nothing after it but the handle or link it sends to
        # ("Siga para mais 👉 t.me/criptoradar", "Follow for more @x"), and to join a channel ("Entre no canal").
        "^(siga|sigam|segue|follow)(-nos|-me| me| us| nos)?( (para|pra|for) (mais|more)( [^\\W\\d_]+)?)?[^\\w@]*"
        "(@[\\w.]+|(https?://)?[\\w-]+(\\.[\\w-]+)+(/[\\w./-]*)?)\\W*$",
        "^(entre|entra|junte-se|join)( (no|na|ao|a|o|em|the|our|nosso|nossa)){0,2} (canal|grupo|comunidade|channel|group|"
        "community)\\W*$",
        # A blog post's closing appeal: "If you enjoyed this, give it a clap and follow me for more ...", "Se você
        # gostou, deixe suas palmas e me siga para mais textos" (a reader's "Loved it!" has no "if"; "O público gostou,
        # mas ..." no "se").
        "if you('ve)? (enjoyed|liked|loved)( (this|it|reading( this)?|the (post|article|story|read)))?[,.!]",
        "se (voce |tu )?(curtiu|gostou|gostaste)( (deste|desse|desta|dessa|do|da) (texto|post|artigo|conteudo|leitura))?[,!]",
        "(give|leave|drop|hit)( (it|this|this post|this story|me|us))? (a |some |a few |few )?claps?",
        "(deixe|deixa|deixem|manda|mande)( (seus|suas|os seus|as suas|uns|umas|aquele|aquela))? (aplausos|palmas|claps?)",
        "follow (me|us)( here| on medium)? for more",
        "(me siga|me sigam|siga-me|sigam-me|me segue|me acompanhe|acompanhe-me)( aqui| no medium)? (para|pra) "
        "(mais|outros|novos)",
    )),
    "read-also prompt": (False, (
        "leia (tambem|mais)", "veja (tambem|mais)",
        # ... in Portugal's words, the heading alone (found blind in probe 21): "Ler mais", "Ler também".
        "^(ler) (mais|tambem)$", "saiba mais", "continue lendo", "continuar lendo",
        "read (more|also|next)",
        "(related|similar) (news|articles?|stories|posts|content|topics|links|pages|recipes|questions|videos|products|guides|reading|"
        "answers|threads|discussions|searches|jobs|listings|properties|homes|events|courses|episodes|apps|services|"
        # ... a public-records site's (found blind in probe 23): "Similar requests".
        "requests|petitions|complaints|datasets|"
        # ... a patent search's and an auction's (probe 39): "Similar Documents", "Similar items".
        "documents|patents|items|"
        # ... a booking site's (probe 41): "Similar hotels nearby".
        "hotels|stays|places)",
        # A charity's list of other ways to give under its donation form (probe 41): "Other ways to give".
        "^(other) ways to (give|donate|support us)$",
        "(vagas|imoveis|produtos|noticias|artigos|materias|anuncios|eventos|cursos|episodios|receitas|perguntas|topicos|"
        "apps|aplicativos|restaurantes|hoteis|filmes) semelhantes",
        "(vagas|imoveis|produtos|noticias|artigos|materias|anuncios|eventos|cursos|episodios|receitas|perguntas|topicos) "
        "similares",
        "(vagas|imoveis|produtos|noticias|artigos|materias|anuncios|eventos|cursos|episodios|receitas|perguntas|topicos) "
        "parecid[oa]s",
        "(noticias|materias|artigos|posts|publicacoes|episodios|edicoes|videos|atas|boletins|sessoes|reunioes) anteriores$",
        "^(previous|past|earlier|older) (minutes|issues|editions|episodes|meetings|posts|articles|stories)$",
        "proximos eventos", "upcoming events", "see also",
        # A newsletter's heading over what it ran before: "In case you missed it", "ICYMI".
        "in case you missed (it|this|them)", "icymi",
        # ... or the week's other stories, a heading alone: "Also this week", "Também esta semana".
        "^(also|tambem|ainda) (this|esta|nesta) (week|semana)$",
        "links (mentioned|mencionados|citados|referenced)",
        "(noticias|materias|artigos|posts|receitas|perguntas|videos|produtos|topicos|conteudos|leituras|servicos|"
        "paginas|links|eventos|cursos|vagas|documentos|estacoes|radios|playlists|musicas|artistas) relacionad[oa]s",
        "^(more) (from|in|on|by) [^\\W\\d_]+( [^\\W\\d_]+){0,2}$",
        # ... a wire's heading over a company's other releases (probe 22): "Also from this source".
        "^(also) from this (source|company|newsroom|publisher|author)$",
        # ... with what they are (probe 21): "More articles by Priya Raman".
        "^(more) (articles|posts|stories|videos|episodes|newsletters) (from|by) [^\\W\\d_]+( [^\\W\\d_]+){0,2}$",
        # ... a profile's and its publication's ("More from Hannah Okafor and Better Engineering Teams"), a handle's
        # ("More from joao.teixeira_dev", "Mais de ana.luz.fotografia": a dot or underscore inside a word).
        "^(more) (from|by) [^\\W\\d_]+( [^\\W\\d_]+){0,2} (and|&) [^\\W\\d_]+( [^\\W\\d_]+){0,3}$",
        "^(more|mais) (from|by|de|do|da) @?[^\\W_]+([._][^\\W_]+)+$",
        # ... a feed reader's, in Portuguese (seed-shaped probe 41): "Mais artigos deste feed", "Mais notícias desta fonte".
        "^(mais) (artigos|noticias|posts|publicacoes|historias|episodios) (deste|desta|do|da) (feed|fonte|canal|site|blog)$",
        # A list's heading with its topic between: "Related travel updates", "Atualizações relacionadas".
        "^(related|similar)( [^\\W\\d_]+)? (updates|news|stories|articles|posts|reading)$",
        "^(atualizacoes|novidades) relacionadas$", "temas relacionados", "mais lidas", "most (read|popular|viewed|shared)",
        # An encyclopedia's heading, its edit link taken off (see heading_of): "Ver também".
        "^(ver) tambem$",
        # ... and a podcast's other episodes (found blind in probe 38): "Ouça também", "Escute também", "Listen next".
        "^(ouca|escute|oica|ouve) (tambem)$",
        # A news site's box of tags over its topics (probe 21): "Explore more on these topics".
        "^(explore|discover|descubra|explore) (more|mais) (on|about|sobre) (these|this|estes|este|esses|esse) "
        "(topics?|temas?|assuntos?)$",
        # A cinema's other films: "Também em cartaz", "Also showing".
        "^(tambem|ainda) em cartaz$", "^(also) (showing|playing|on)$",
        # A blog's gadget: "Postagens populares", "Popular posts".
        "(postagens|posts|publicacoes|artigos|mensagens) (mais )?populares", "popular (posts|articles|stories)",
        # ... and its latest, in Portuguese: "Posts recentes", "Artigos recentes", "Comentários recentes".
        "^(postagens|posts|publicacoes|artigos|mensagens|comentarios|noticias) (mais )?recentes$",
        # A music site's list of an artist's other songs (probe 23): "Mais tocadas de <artist>", "Most played".
        "^(mais) (tocadas|ouvidas|escutadas)( (de|do|da|dos|das) [^.!?]{1,60})?$", "^(most) played( by [^.!?]{1,60})?$",
        "recomendado para voce", "recomendados para voce", "recomendadas para voce",
        "recommended (for you|stories)", "continue reading",
        "^(related|relacionad[oa]s|recomendad[oa]s|recommended|trending|popular)$",
        # ... and where or when (found blind in probe 35): "Trending near you", "Popular this week".
        "^(trending|popular) (near you|now|this week|today|in your area|perto de (voce|si)|agora|esta semana)$",
        "^(up next|next up|watch next)$",
        "also bought", "also viewed", "tambem (compraram|viram)", "quem (viu|comprou) (este|esse) (produto|item|anuncio)",
        # A shop's and a blog's list headings (probe 22): "Quem comprou também comprou", "Pode também gostar de:".
        "quem comprou tambem comprou", "(pode|podera) tambem gostar de",
        "(voce|tu) tambem (vai|pode|podera|ira) gostar", "you('ll| will| may| might)? also (like|enjoy)",
        # ... or of its kind, a heading alone (found blind in probe 39): "Other dogs you might like".
        "^(other|more) [^\\W\\d_]+( [^\\W\\d_]+)? you (may|might|will|could) (like|love|enjoy)$",
        # A live blog's list of links to its own entries.
        "^(key|principais) (events|moments|momentos|lances)$",
        # A news site's list of other stories: "Outras notícias", "More local news".
        # Also with what they are about: "Mais notícias da Série B", "More news from Leeds".
        "^(outras|outros|mais|more|other|latest|ultimas|ultimos|recent)( [^\\W\\d_]+)? "
        "(noticias|news|stories|materias|artigos|posts|updates|atualizacoes|publicacoes|publications|episodes|"
        "episodios|videos|reclamacoes|complaints|apps|aplicativos|events|eventos|letters|letters home|cartas|circulares|"
        "comunicados|avisos|notices|circulars|films|filmes|projects|projetos|"
        # ... a paper's other death notices and a site's other pages of one kind (probe 25): "More obituaries from the
        # Kentish Herald", "Outras receitas da Ana".
        "obituaries|obituarios|obitos|recipes|receitas|reviews|podcasts|jobs|vagas|columns|colunas|listings|anuncios|"
        # ... a radio's other shows (probe 40): "Outros programas", "More programmes".
        "programas|programmes|programs|shows)"
        "( (da|do|das|dos|de|sobre|from|on|about|in)( [^\\W_]+(\\.[^\\W_]+)*| [^\\W_]+/[\\w.-]+| [@#][\\w.]+){1,3})?$",
        # A newsletter platform's box under a post: "Discover more from Chip Wars Weekly".
        "^(discover|explore|descubra|descobre|explore) (more|mais) (from|of|de|do|da)(?![^\\W_])",
        # A Q&A site's prompts under a thread.
        "browse other questions", "ask your own question", "veja outras perguntas", "faca (a )?sua (propria )?pergunta",
        "thanks for contributing an answer", "obrigado por contribuir com uma resposta",
        "frequently bought together", "comprados juntos", "acesse tambem",
        # ... and a marketplace's bundle box, the whole heading (probe 38): "Compre junto", "Buy it with".
        "^(compre|compra|leve) (junto|tambem)$", "^(buy it with|often bought with)$",
        "^(tags|tagged|temas|assuntos|topics|topicos|etiquetas|marcadores)( with| com)? ?:",
        "^(filed|arquivado) (under|in|em)(?![^\\W_])",
    )),
    "share prompt": (False, (
        "compartilhe", "compartilhar", "compartilhamento", "partilhe", "partilhar", "share", "shares", "tweet",
        "whatsapp", "facebook", "linkedin", "telegram", "copiar (o )?link", "copy link", "enviar por e-?mail",
        "blogthis",
        "email this", "siga-nos", "follow us", "following us on", "siga (o|a|os|as|nosso|nossa)( [a-z]+){1,4} (no|na|nos|nas|on)",
        "follow (the|our)( [a-z]+){1,4} on",
        # pt-PT's imperative too: "Segue a página para ...", "Follow the page".
        "^(siga|segue|sigam|seguem|follow)( (a|o|as|os|nossa|nosso|our|the|this|esta|este|my|minha|meu))? "
        "(pagina|page|perfil|profile|canal|channel|conta|account)(?![^\\W_])", "instagram", "tiktok", "youtube", "pinterest", "pin (it|this)",
        "copy to clipboard", "copiar para (a )?area de transferencia",
        # A post's closing request to pass it on (probe 29): "Gostou? Compartilhe com quem também tem uma varanda
        # sobrando!", "Enjoyed this post? Share it with a friend."
        "^(gostou|curtiu|enjoyed|liked|loved)( (deste|desse|do|da|this|the|it))?( [a-z]+)?[?!]+ "
        "(compartilhe|partilhe|share|forward|deixe|leave|avalie|rate|siga|follow|subscreva|subscribe)",
        # ... as Portugal asks it of one reader (probe 32): "Gostaste deste artigo? Partilha com quem ...".
        "^(gostaste)( (deste|desse|do|da))?( [a-z]+)?[?!]+ (partilha|deixa|avalia|segue|subscreve)",
        "(partilha|partilhem) com quem", "(partilha|partilhem) (este|esta) (artigo|post|texto|receita|guia)",
        # "This post is public, so feel free to share it." (the post, at the end: "feel free to share the road" is
        # advice).
        "(feel free|sinta-se a vontade|fique a vontade|esteja a vontade) (to|para|em) "
        "(share|forward|compartilhar|partilhar)( it| this( post| issue| newsletter)?| them)?[.!]?$",
        # "Did you make this recipe? Tag @fernskitchen on Instagram."
        "(did you|have you) (make|made|try|tried|cook|cooked|bake|baked) this recipe",
        "(fez|testou|preparou) (esta|essa) receita", "(tag|marque|mention|mencione) (us |me |nos |a gente )?@[^\\W_][\\w.]*",
        # Where else to hear a podcast or a song.
        "(listen|ouca|escute) (on|no|na|em)", "(listen|watch|ouca|escute|assista)( [a-z]+)? (live|ao vivo)",
        "(salve|salva|guarde|guarda|save|pin)( [^\\W\\d_]+){0,3} (no|on|to)( (seu|your|o seu|teu|o teu))? pinterest", "apple podcasts", "google podcasts", "spotify", "deezer", "soundcloud",
    )),
    "button or link label": (False, (
        # An e-mail's button to book or reserve, the call alone (cleaning46's e-mails): "Book a free ticket", "Reservar o
        # meu exemplar", "Garanta o seu lugar"; a sentence that books goes on ("Book a free ticket at the desk.").
        "^(book|reserve|reservar|reserva|reservem|garanta|garantir|get|buy|comprar|compre|claim|grab) (a |an |o |a |the |"
        "my |your |o meu |o seu |a minha |a sua |seu |sua |meu |minha )?(free |gratis |gratuito |gratuita )?(ticket|"
        "tickets|bilhete|bilhetes|ingresso|ingressos|exemplar|copy|place|lugar|vaga|seat|spot)s?$",
        # A listing's tab headings (probe 39's auction): "Item specifics", "Item description from the seller"; a release
        # page's counted files (probe 41): "Assets 4".
        "^(item) (specifics|description from the seller)$", "^(assets) \\d+$",
        # A thread's link to the rest of it (seed-shaped probe 44's Mastodon): "Ver conversa completa", "View full
        # conversation", "Show this thread".
        "^(ver|mostrar) (a )?conversa( completa| inteira)?$", "^(view|show) (the )?(full |whole |entire )?conversation$",
        "^(show) this thread$",
        # A reply box's placeholder, its ellipsis no sentence's end (found blind in probe 35): "Add a reply…", "Escreva
        # um comentário...".
        "(add|write|leave|escreva|adicione|deixe) (a|an|your|um|uma|o seu|seu|sua|a sua) (reply|comment|answer|resposta|"
        "comentario)( here| aqui)?(…|\\.\\.\\.)$",
        # A listing's gallery and map buttons, and a mortgage simulator's figure beside its price (probe 35): "Ver as 18
        # fotografias", "See all 24 photos", "Show map", "Prestação estimada: 912 €/mês".
        "^(ver|see|view|show|mostrar)( all| todas as| as| the)? \\d+ (photos|fotos|fotografias|imagens|images|pictures)"
        "(\\]\\([^)]*\\))?$",
        "^(show|view|see|ver|mostrar)( on| no| the| o)? (map|mapa)(\\]\\([^)]*\\))?$",
        # ... a gallery's tab with its count, alone (probe 39): "Images (6)", "Fotos (12)".
        # ... and a read-later app's or a shared document's (seed-shaped probe 41): "Highlights (1)", "Destaques (3)".
        "^(images|photos|pictures|videos|imagens|fotos|fotografias|highlights|destaques|annotations|anotacoes) \\(\\d+\\)$",
        # An auction's bid box (probe 39): "Enter £88.00 or more", "Digite R$ 120,00 ou mais".
        "^(enter|digite|insira|introduza) (£|€|\\$|us\\$|r\\$)? ?\\d[\\d.,]*( ?(€|eur|gbp|usd))? (or more|ou mais)$",
        # ... closing a listing's address line after a dash, a bar or a dot (found blind in probe 36): "West Cliff, Whitby YO21
        # 3EN – Excellent location – show map", "Rua do Carmo, 12 · Ver no mapa".
        "(?<=[-–—|·] )(show|view|see|ver|mostrar)( on| no| the| o| in| em)? (map|mapa)(\\]\\([^)]*\\))?$",
        "^(prestacao|mensalidade) (mensal )?estimada", "^(estimated) (monthly )?(payment|repayment)",
        # A live blog's or thread's pager (probe 28): "Show 14 earlier updates", "Ver mais 23 comentários".
        "^(show|see|view|load|ver|mostrar|carregar)( mais)? \\d[\\d.,]* (more |earlier |older |newer |new |previous )?"
        "(updates|posts|comments|replies|entries|atualizacoes|publicacoes|comentarios|respostas)"
        "( (anteriores|mais antig[oa]s|novas|novos))?$",
        # A learning platform's completion buttons (probe 25's Moodle page): "A fazer: Marcar como concluído", "Concluído:
        # Ver", "To do: Mark as done".
        "(marcar|marque) como (concluid[oa]|feit[oa]|lid[oa])", "mark as (done|complete|completed|read)",
        "^(concluido|concluida|done|completed): (ver|view)$",
        # A ticket box's button (found blind in probe 25): "Comprar ingressos", "Buy tickets", "Reservar lugares".
        "^(comprar|compre|buy|reservar|reserve) (ingressos?|bilhetes?|tickets?|entradas?|lugares?)( agora| now| ja)?$",
        # A catalogue's way back, a record's buttons, a petition's and a player's controls (probe 19): "Back to search
        # results", "Rate this book to see more reviews.", "Exibir meu nome e comentário nesta petição", "▶ Ver
        # episódio", a cinema's "Audio-described and subtitled screenings available".
        # ... and the listing's place beside it, after a bar (probe 39): "Back to search results | Listed in category:
        # Cameras & Photo > Film Cameras".
        "^(back to|voltar a|voltar aos|voltar para|voltar para os) (the )?(search )?(results|resultados)( da (pesquisa|busca))?"
        "( \\| [^.!?]*)?$",
        "^(rate|review) this (book|recipe|product|app|film|movie|episode|podcast|place|trail)",
        "^(avalie|avaliar|classifique) (este|esta|o|a) (livro|receita|produto|app|aplicativo|filme|episodio|podcast)",
        "(?:to|para) (?:see|ver) (?:more|all|other|mais|todas as|outras) (reviews|ratings|avaliacoes|resenhas)",
        "(exibir|mostrar|display) (meu|my) (nome|name)",
        "(?:ver|assistir|watch) (?:o |the |ao )?(episodio|episode|trailer)",
        "(screening|screenings) available", "sessoes( [a-z]+)? disponiveis",
        # A file's name and size in an attachments list (found blind in probe 23): "Attachment gritting_routes.pdf 1.4M
        # Download View as HTML", "relatorio.docx 240 KB".
        "(pdf|docx?|xlsx?|csv|odt|ods|pptx?|zip) \\(?\\d[\\d.,]* ?(k|m|g)b?(?![^\\W_])",
        # A code host's release: its archives' links and the link comparing it with the last release (found blind in
        # probe 24): "Source code (tar.gz)", "Full Changelog: v2.3.2...v2.4.0".
        "^(source) code \\((zip|tar)", "^(full changelog) ?: ?[^ ]+\\.\\.\\.?[^ ]+$",
        "^(ver|view|see|show|mostrar|exibir|abrir|open) (o |a )?(original|traducao|translation|more|mais|less|"
        "menos|all|todos|todas|tudo|comments|comentarios|full)",
        # ... or the post in its own language, a translated page's button ("Ver artigo no idioma original", seed-shaped
        # probe 25; "View this post in the original language").
        "^(ver|mostrar|exibir|ler|view|see|show|read)( (o|a|the|this))?( (artigo|texto|post|publicacao|materia|article|"
        "text|story))? (no|na|em|in) (the |its )?(idioma|lingua|original language)( original)?$",
        # ... or on the site it came from, or its web version, the whole line (seed-shaped probe 40: "Ler no site de
        # origem", "Abrir a versão web"; "Read it on the source site", "Open the web version").
        "^(ler|ver|abrir|acessar|aceder|read|view|open)( (a|o|it|the))?( (materia|reportagem|artigo|texto|post|story|"
        "article))? (no|na|on|at) (the )?(site|pagina|portal|source site|original site)( (de origem|original))?$",
        "^(ler|ver|abrir|acessar|aceder)( a)? versao (web|online|no navegador|no browser)$",
        "^(read|view|open)( the)? (web|online|browser) version$",
        # A read-later app's and a feed reader's buttons (seed-shaped probe 41): "Guardar para ler mais tarde", "Salvar
        # para ler depois", "Save for later", "Read later", and its link back to the page, "Original page".
        "^(guardar|salvar|save|ler|read)( para| to)?( ler| read)? (mais tarde|depois|later|for later)$",
        "^(original page|pagina original)$",
        "clique aqui", "click here", "carregar mais", "load more", "entrar", "login", "log in", "sign in",
        "fazer login", "logout", "sair", "crie sua conta", "create (an|your) account", "ouca (este|esta|a|o)",
        "listen to this", "imprimir", "print this", "was this( [^\\W\\d_]+)? (helpful|useful)",
        # A share bar's answer to its copy button, and a Q&A box's button (found blind in probe 33): "Link copiado!",
        # "Faça uma pergunta".
        "^(link|url) (copiado|copied)( para a area de transferencia| to (the )?clipboard)?!?$",
        "^(faca|fazer|ask|envie) (uma|a) (pergunta|question)$",
        # ... or closing the box's prompt, its article left out (probe 38): "Qual informação você precisa?  Fazer pergunta".
        "(faca|fazer|envie|enviar) (sua )?(pergunta)$",
        "is this (article|page|story|review|answer|post) helpful",
        # A feedback widget opens its line (a text may quote one: 'the footer, "Is this page useful?", ...').
        "^(is this|did you find)( (this|it))?( [^\\W\\d_]+)? (helpful|useful)", "achou (este|esse|esta|essa)( [^\\W\\d_]+)? util",
        "(este|esse|esta|essa)( [^\\W\\d_]+)? (foi|e|te foi) util ?\\?",
        # A forum's buttons over a thread (probe 33): "Responder a este tópico", "Reply to this topic".
        "^(responder|reply) (a |to )?(este|esta|this) (topico|thread|topic|discussao|conversa)$",
        "(este|esse|esta|essa) (materia|noticia|pagina|avaliacao|resposta|conteudo|servico|artigo|texto|informacao) "
        "(foi|e|te foi) util", "opens (in )?(a )?new (window|tab)",
        "abre (em )?(uma )?nova (janela|aba)", "report an error", "reportar (um )?erro", "comunicar (um )?erro",
        "report a problem with this (page|site|website)",
        # A forum's button under a thread: "Responder ao tópico", "Post reply", "Reply to thread".
        "^(responder|reply|post)( a reply| reply)?( (ao|a|o|to|to this|to the|this|the|neste|nesse))? "
        "(topico|thread|discussao|discussion|conversa)$",
        "denunciar (um |o |este |esta |esse |essa )?(problema|erro|anuncio|vaga|abuso|conteudo|perfil)",
        "carregando", "loading",
        "^(proxim[oa]|anterior|next|previous|voltar|back)( (pagina|noticia|materia|article|page|post))?$",
        SORT_CONTROL,
        "in stock", "out of stock", "em estoque", "ships (with)?in", "frete gratis", "free shipping",
        # A shop's delivery offer (found blind in probe 18): "Free delivery on orders over £40".
        "free (delivery|shipping) on (orders|purchases)", "(frete|entrega|envio) gratis (para|em|nas) compras",
        # ... its returns and delivery terms, and their box's heading (probe 33): "Free 30-day returns. Standard delivery
        # 3–5 working days, £4.95.", "Devolução grátis em 30 dias", "Delivery & returns".
        "\\d+[- ]day (free )?returns", "free returns", "(standard|express|next[- ]day|free) delivery \\d",
        "(devolucao|devolucoes|trocas?) (gratis|gratuitas?) (em|ate) \\d+ (dias)",
        "^(delivery|shipping|entrega|envio|portes)( (&|and|e)| e) (returns|devolucoes|trocas|devolucao)$",
        # ... its stock, saving and delivery day, and its reviews' heading (found blind in probe 28): "Only 3 left in
        # stock – order soon.", "RRP £24.99 · You save £7.00 (28%)", "FREE delivery Tuesday 2 December", "Top reviews
        # from the United Kingdom".
        "\\d+ left in stock", "rrp (£|€|\\$) ?\\d[\\d.,]*",
        # A craft marketplace's (probe 34): "Only 3 left and in 20+ baskets", "Shipping and return policies", "Meet your
        # seller", "Order today to get by 10-12 Dec".
        "in \\d+\\+? (baskets|carts|carrinhos|cestos)$",
        "^(shipping|delivery) (and|&) returns? polic",
        "^(meet|conheca|conhece) (your|the|o|a|o seu|a sua|seu|sua) (seller|maker|vendedora?|artesa|artesao)$",
        "^(order) (today|now) to get (it )?by", "returns (&|and) exchanges accepted",
        "(delivery|shipping) (today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) \\d",
        "(top|most helpful|most recent) reviews (from|in) the",
        # A marketplace's lines by its buy button (probe 22): "Ver os meios de pagamento", "Estoque disponível",
        # "Chegará grátis amanhã".
        "ver (os )?meios de pagamento", "estoque disponivel", "chegara gratis",
        # ... its sign-in prompt and its quantity picker: "Entre, faça seu cadastro", "Quantidade: 1 unidade (+50
        # disponíveis)".
        "faca (o )?seu cadastro", "^(quantidade) ?: ?\\d+ unidades?",
        "^(marcar|agendar|book) (o |an? )?(atendimento|consulta|appointment)$",
        "editar codigo-fonte", "edit source", "alto contraste", "nao sei (meu|o) cep",
        # A shop's shipping calculator, its label as infinitive or imperative (s53-acceptance2: "Calcule o frete e o prazo
        # de entrega"), and in English: "Calculate shipping", "Estimate delivery costs".
        "calcul(ar|e) (o )?(seu )?frete",
        "^(calculate|estimate) (your )?(shipping|postage|delivery)( (cost|costs|rates|fees|time|times|date))?$",
        # An accessibility bar's widgets: "Tamanho da fonte: A- A+", "Ouvir notícia"; the player's length after it
        # (probe 27): "Ouvir notícia (3 min)", "Listen to this article (5 min)".
        "^(tamanho|font|text) (da |do |de )?(fonte|texto|letra|size)",
        "^(ouvir|escutar) (a |o |esta |este )?(noticia|materia|texto|artigo|reportagem|conteudo|pagina)"
        "( \\(?\\d{1,2}:?\\d* ?(min|minutos|minutes|s)?\\)?)?$",
        "^(listen) to (this|the) (article|story|report)( \\(?\\d{1,2}:?\\d* ?(min|minutes|mins|s)?\\)?)?$",
        # A news agency's "Learn more about Refinitiv" under its banner (found blind in probe 21), the line alone.
        "^(learn) more about [^\\W\\d_]+( [^\\W\\d_]+){0,2}$",
        # A memorial page's shop: "Send flowers", "Plant a tree in memory".
        "send flowers to the family", "plant a tree in (memory|honou?r)", "floral store",
        "^(send flowers|plant a tree|share a memory|enviar flores|plantar uma arvore)$", "(envie|enviar) (uma )?coroa de flores",
        "^(search|buscar|pesquisar|procurar) (in|em|no|na|nesta|neste|this)(?![^\\W_])",
        # An input's placeholder: "Buscar receitas...", "Search the site…", "Type your email...".
        "^(search|buscar|pesquisar|procurar|type|enter|digite|insira|escreva|write|deixe)( [^\\W\\d_]+,?){0,4} ?(\\.\\.\\.|…)$",
        # ... and a post's reply box, with whom it answers (found blind in seed-like probe 19): "Responder a lucas.techbr...",
        # "Reply to @ana_k…".
        "^(responder|responde|reply|replying)( (a|to|para))? @?[\\w.-]+ ?(\\.\\.\\.|…)$",
        # A link to a file with its type and size ("Download the full report (PDF, 3.4 MB)"), a charity's button.
        "(pdf|mp3|mp4|docx?|xlsx?|odt|zip|epub|csv|pptx?),? \\d[\\d.,]* ?(kb|mb|gb)",
        "(donate|doe|doar) (now|today|agora|hoje)",
        "^(add|adicionar|adicione|salvar|save) (to|a|ao|na|no|em)( (my|your|meu|minha|sua|seu|o))? (calendar|calendario|"
        "agenda|schedule|planner|itinerary|programacao|roteiro|cart|basket|carrinho|sacola|wishlist|wish list|lista de desejos|"
        "favoritos|list|lista)$",
        # ... after a shop's buy button on the same line (s51-cleaning's product page): "Comprar Adicionar à lista de
        # desejos", "Buy now Add to wishlist".
        "^(buy|comprar|compre)( now| agora| ja)? (add|adicionar|adicione|save|salvar) (to|a|ao|na|no|em)( (my|your|"
        "meu|minha|sua|seu|o))? (cart|basket|bag|carrinho|sacola|cesto|wishlist|wish list|lista de desejos|favoritos)$",
        # A listing's buttons and its booking box: "Ver detalhes", "Reservar mesa", "Reserve", "You won't be charged yet".
        "^(ver|view|see|show|mostrar) (os |the )?(detalhes|details)$",
        # ... a clinic's (found blind in probe 20): "Agende sua consulta", "Book an appointment".
        "^(agende|agendar|marque|marcar) (a |sua |a sua |uma )?(consulta|exame|visita)$",
        "^(book|make|request) (an|your) (appointment|consultation)$",
        # ... and a review site's (found blind in probe 17): "Write a review", "Escrever uma opinião".
        "^(write|escrever|escreva|escreve) (a|an|uma|um) (review|opiniao|avaliacao|comentario|critica)$",
        "^(reserve|reservar|book)( (now|agora|ja|mesa|uma mesa|a table))?$",
        "(you won't|you will not) be charged yet",
        # ... its terms (probe 20): "Free cancellation up to 24 hours before", "Reserve now & pay later".
        "free cancellation", "cancelamento (gratuito|gratis)",
        "(reserve|book|reservar) (now|agora|ja) (&|and|e) (pay|pague|pagar) (later|depois)",
        "(ainda )?nao (sera|vai ser) cobrad[oa]",
        "^(print|imprimir|imprima)( [^\\W\\d_]+){0,2}$",
        # ... and a bar of such buttons (probe s50): "Print recipe · Save to my recipes".
        "^(print|imprimir|imprima)( [^\\W\\d_]+){0,2} [·|] (save|salvar|guardar|share|compartilhar|partilhar)",
        # A job board's buttons alone (probe s50): "Apply now", "Candidatar-me", "Create a job alert for similar roles".
        "^(apply|candidate-se|candidatar-me|candidatar-se|candidatar)( (now|today|online|here|agora|ja|aqui))?$",
        "^(create|set up|get|criar|crie|ative|ativar|receba) (a |an |um |uma |o )?(job |e-?mail )?(alert|alerta)"
        "( de (vagas|emprego|empregos|imoveis))?( (for|para) [^.!?]{0,40})?$",
        # A consultation's or a survey's button to take part, the call alone (s50-cleaning2): "Participar na discussão
        # pública", "Enviar contribuição", "Respond online", "Have your say", "Submit your comments"; a sentence on how
        # to take part goes on ("Participar na discussão pública é um direito de todos").
        "^(participar|participe|responder|responda|enviar|envie|submeter|submeta|dar|de|deixar|deixe)( (a|o|na|no|da|do|"
        "a sua|o seu|sua|seu|uma|um))? (discussao publica|consulta publica|consulta|participacao|contribuicao|contributo|"
        "sugestao|opiniao|parecer)( (online|aqui|agora))?$",
        "^(respond|take part|participate)( online| now)?( (to|in) (the|this) (consultation|survey|discussion))?"
        "( online| now)?$",
        "^(have your say)( (online|now|here))?$",
        "^(submit|send|give|share) (your|a|us your) (response|views|comments|feedback|submission)( (online|now|here))?$",
        # A review site's shop buttons: "Check price at Amazon", "Ver preço na Amazon".
        "^(check|compare|see|view) (the )?(latest )?prices? (at|on)(?![^\\W_])",
        "^(ver|confira|consultar|comparar) (o )?precos? (na|no|em)(?![^\\W_])",
        # A docs page's own edit link: "Edit this page on GitHub".
        "edit this page", "improve this page", "editar esta pagina",
        "^(developer|seller|owner|author|store) (response|reply)",
        "resposta do (desenvolvedor|vendedor|anunciante|proprietario|estabelecimento)",
        # A short call to a link: "Veja a tabela", "Watch the highlights".
        "^(veja|confira|acesse|assista|ouca|watch|listen)( [^\\W\\d_]+){1,5}$",
        # A feed's button: a UI verb and a generic object, alone ("Show this thread", "Traduzir post", "Show 12 replies").
        "^(show|see|view|hide|translate|load|ver|mostrar|exibir|ocultar|traduzir|carregar)( (this|the|all|more|o|a|os|"
        "as|este|esta|todos|todas|mais))?( \\d+)? (posts?|threads?|tweets?|original|translation|traducao|replies|"
        "respostas|comments|comentarios|publicacao|conversation|conversa)( original)?\\W*$",
        # A feed's buttons under a post, alone: "Restack", "Repost", "Reblog".
        "^(restack|restacks|repost|reposts|reblog|reblogs|retweet|retweets|boost|boosts|quote post)$",
        # An image's control: "Activate to view larger image", "Clique para ampliar a imagem".
        "^(activate|click|tap|select|clique|toque|carregue) (to|para) (view|see|enlarge|expand|open|ver|ampliar|abrir)"
        "( (a|the|o))?( (larger|full[- ]size|bigger|maior))? ?(image|photo|picture|imagem|foto|fotografia)?\\W*$",
        # A forum's quoted post, folded: "Clique para expandir...", "Click to expand...".
        "^(clique|carregue|toque|click|tap) (aqui )?(para|to) (expandir|recolher|expand|collapse)\\W*$",
        # A translation or help widget's line under its rating: "Your feedback will be used to help improve Google
        # Translate".
        "feedback (will be|is|sera|e) (used|usado) (to|para) (help |ajudar a )?(improve|melhorar)",
        # A post's action buttons, each alone on its line: "Traduzir", "Comentar", "Responder", "Reply" (a sentence
        # that opens with the verb goes on: "Comentar a proposta é um direito").
        "^(traduzir|translate|comentar|responder|reply|curtir|like|gosto|seguir|follow|encaminhar|forward|citar|quote)$",
        # ... a board's (vBulletin, found blind in probe 34): "Reply With Quote", "Responder com citação".
        "^(reply|responder) (with quote|com citacao)$",
        # Who may reply to a post, under it: "Everybody can reply", "Only people you mention can reply".
        "(can|pode|podem) (reply|responder)$",
        # A feed's wall to the rest of a thread: "Entre para ver mais respostas", "Log in to see more replies".
        "^(entre|entra|entrar|faca login|inicie sessao|inicia sessao|log in|login|sign in|sign up)( [^\\W\\d_]+){0,2} "
        "(para|pra|to) (ver|see|view|continuar|continue|read|ler|responder|reply|comentar|comment)(?![^\\W_])",
    )),
    # Counters of a page's widgets: replies, views, ratings, helpful votes.
    "engagement count": (False, (
        # ... with an abbreviated magnitude: "48.2K Views", "1,2 mi visualizações", "3,4 mil curtidas"; a story's
        # "soma mais de 40 mil compartilhamentos" quantifies it, as no widget does (probe 25).
        "(?<!mais\\sde )(?<!more\\sthan )(?<!cerca\\sde )(?<!over )"
        "\\d[\\d.,]*( ?(k|m|mi|mil|bi))? (replies|respostas|views|visualizacoes|answers|votes|votos|likes|curtidas|"
        "ratings|avaliacoes|reviews|shares|compartilhamentos|followers|seguidores)",
        # An app's installs, rounded with a plus: "1 mi+ downloads", "10M+ installs".
        "^\\d[\\d.,]*( ?(k|m|mi|mil|bi))?\\+ (downloads|installs|instalacoes|transferencias)$",
        # A forum thread's count of replies, its label first (seed-shaped probe 43's Moodle): "Número de respostas: 1".
        "^(numero de respostas|number of replies) ?: ?\\d[\\d.,]*$",
        # A forum topic's reads in brackets (probe 47's SMF thread): "(Read 1,843 times)", "(Lido 212 vezes)".
        "^(read|viewed|lido|lida|visto|vista|visualizado) \\d[\\d.,]* (times|vezes)\\)?$",
        # An app store's verified ratings' note (cleaning46's studied listing): "As notas e avaliações são verificadas".
        "^(as )?(notas e avaliacoes|ratings and reviews) (sao|are) verificad",
        # A release's reactions (probe 41): "👍 12 🎉 5 ❤️ 3 · 17 people reacted".
        "\\d[\\d.,]* (people|persons) reacted$",
        # A review's votes, its button's count: "Útil (12)", "Helpful (18)".
        "^(util|helpful|useful) ?\\(\\d+\\)",
        # A CMS's view counter, its label first (probe 23's Joomla page): "Visualizações: 1312", "Hits: 1312".
        "^(visualizacoes|exibicoes|acessos|leituras|hits|views) ?: ?\\d[\\d.,]*$",
        # A crowdfunding campaign's tally: "£48,210 pledged of £20,000 goal", "9 days to go".
        # ... its figure in bold or not ("**9** days to go").
        "pledged of", "^\\d+\\** (days|hours|dias|horas) (to go|left|restantes)$",
        # A petition's ("12.408 pessoas assinaram. Vamos chegar a 15.000!", "12,408 have signed. Help us reach 15,000!").
        "\\d[\\d.,]*\\** (pessoas|people|apoiadores|supporters)? ?(assinaram|have signed|signed)",
        "(vamos chegar|help us reach|ajude-nos a chegar) (a|to) \\d[\\d.,]*",
        # ... in Portuguese, and its rewards' counts (found blind in probe 18): "R$ 38.640 arrecadados de R$ 45.000",
        # "... · 183 apoios", "Entrega estimada: jun/2025".
        "arrecadad[oa]s (de|da meta de)", "\\d+ (apoios|backers)$", "(entrega|delivery) (estimada|estimated)",
        "estimated delivery",
        # A call's places filled (probe 20): "Vagas preenchidas: 412 de 600", "Places taken: 38 of 40".
        "(vagas|lugares|places|spots|seats) (preenchid[oa]s|ocupad[oa]s|filled|taken|booked) ?:? ?\\d[\\d.,]* (de|of) \\d+",
        # A newsletter's or group's size, the whole line ("Over 40,000 subscribers"): in a sentence it is news.
        "^(over|more than|mais de|acima de) \\d[\\d.,]*( ?(k|m|mi|mil))? (subscribers|subscritores|inscritos|assinantes|members|membros)$",
        "^\\d[\\d.,]*( ?(k|m|mi|mil))? (subscribers|subscritores|inscritos|assinantes|members|membros)$",
        # A post's counters alone on their line, in any number format: "2.318 gostos", "14 partilhas", "1,2 mil
        # reposts", "14K quotes" (a sentence that counts them goes on).
        "^\\d[\\d.,]*( ?(k|m|mi|mil|bi))? (gostos?|partilhas?|reposts?|quotes?|retweets?|reacoes|reactions|citacoes|"
        "bookmarks|impressions|impressoes|reproducoes|plays|guardados|saves|upvotes?|downvotes?|"
        # ... and a Mastodon post's (seed-shaped probe 44): "12 impulsos", "31 favoritos", "4 boosts", "9 favourites".
        "impulsos?|boosts?|favoritos?|favou?rites?)$",
        # ... or the action's button with its count after it, Threads' (seed-shaped probe 44): "Curtir 1,1 mil",
        # "Responder 64", "Like 2.3K" (a sentence that counts them has more words).
        "^(curtir|gostar|like|responder|reply|repostar|repost|compartilhar|partilhar|share|comentar|comment) "
        "\\d[\\d.,]*( ?(k|m|mi|mil|bi))?$",
        # A forum member card's counts, each a whole line.
        f"^{MEMBER_COUNT}$",
        # Who liked a post, over it: "Curtido por ana.m e outras 2.318 pessoas", "Liked by maria and 120 others".
        "^(curtido|curtida|liked|gostado) (por|by) [^ ]+( [^ ]+){0,3} (e|and) (outras|outros|others|\\d)",
        # ... or by one member alone (found blind in seed-shaped probe 44's Substack): "Liked by Ciara Byrne".
        "^(liked|curtido|curtida) (by|por) [^\\W\\d_][\\w.'-]*( [^\\W\\d_][\\w.'-]*){0,2}$",
        # A channel's counts of media alone (found blind in probe 44's Telegram preview): "2,1 mil fotos", "84 vídeos";
        # a count in thousands alone, a post's reactions (its Facebook post): "2,3 mil", "14K".
        "^\\d[\\d.,]*( ?(k|m|mi|mil|bi))? (fotos|photos|videos|ficheiros|arquivos|files)$",
        "^\\d[\\d.,]* ?(k|m|mi|mil|bi)$",
        # A seller's feedback score (probe 39): "kestrel_cameras (1,284) 99.6% positive feedback", "98,7% de
        # avaliações positivas".
        "\\d[\\d.,]*% positive (feedback|ratings)", "\\d[\\d.,]*% de (avaliacoes|qualificacoes) positivas",
        # ... and a review site's share of reviewers who recommend it, its line's opening: "78% would recommend to a
        # friend · 81% approve of CEO", "92% recomendam este produto".
        "^\\d[\\d.,]*% (would recommend|recommend|recomendam|recomendariam)",
        # A Q&A site's user card: "4,812 2 2 gold badges 19 19 silver badges".
        "\\d[\\d.,]*k? (gold|silver|bronze) badges?",
        # ... in Portuguese (probe 35): "3 medalhas de ouro 11 medalhas de prata 27 medalhas de bronze".
        "\\d[\\d.,]* medalhas? de (ouro|prata|bronze)",
        "^\\d[\\d.,]*k? (people|pessoas?|users|usuarios|leitores|readers) ", "out of 5 stars",
        "de 5 estrelas", "^\\d([.,]\\d)? (out of|de) 5$",
        # A ratings histogram's bar, the whole line (probe 38): "5 estrelas  ▇▇▇▇▇▇▇  72%", "4 stars (18)".
        "^\\d (estrelas?|stars?)\\s*[\u2580-\u259f■□▮▯|]*\\s*(\\d{1,3} ?%|\\(?\\d[\\d.,]*\\)?)$",
        # "12 out of 15 found this helpful", "8 pessoas acharam isso útil".
        "found this (helpful|useful)", "acharam (isso|isto|esta avaliacao|esta resposta|este artigo) util",
        # ... as a store says it under a review (probe s47): "Esta avaliação foi marcada como útil por 112 pessoas".
        "(avaliacao|resenha|review) foi marcada como util por \\d[\\d.,]*",
        # A site's boast in round figures: "9k+ Digital Media Outlets", "2M+ downloads".
        "^\\d[\\d.,]*[km]\\+ ",
    )),
    # A social network's line over a post someone else acted on: "Kestrel Freight reposted this", "Ana curtiu isso".
    "social activity": (False, (
        "(reposted|reshared|retweeted|likes|liked|loves|celebrates|supports|commented on|reacted to) this$",
        "(repostou|republicou|partilhou|compartilhou|retuitou|curtiu|comentou|reagiu a) (isso|isto)$",
        "gostou disso$",
        # An issue tracker's timeline (probe 20): who did what to the thread, and when ("marinaveloso commented on Oct
        # 14, 2025", "... opened this issue on Oct 14, 2025 · 5 comments", "... added the `bug` label on Oct 15, 2025").
        rf"(commented|comentou) (on|em) {_DATED}",
        rf"(opened|closed|reopened|merged|linked|referenced|mentioned|abriu|fechou|reabriu) (this|a|esta|este|uma|um) "
        rf"(issue|pull request|merge request)( [^.!?]{{1,40}})? (on|em) {_DATED}",
        rf"(added|removed|adicionou|removeu) (the|a|as|o|os) [^.!?]{{1,60}} (labels?|etiquetas?) (on|em) {_DATED}",
    )),
    # A feed's line over a post it passes on, whole: "Ana Lima partilhou uma publicação.", "Reposted by Tech
    # Policy Press", WhatsApp's "Encaminhada muitas vezes". A sentence's own end ("... shared a photo of the
    # flood on his feed") holds more than the line does, so these match the segment's end.
    "feed header": (True, (
        "(partilhou|compartilhou|publicou|republicou|repostou|shared|posted|reposted|reshared) (uma|um|a|an) "
        "(publicacao|post|foto|video|link|memoria|memory|reel|photo|update|story|evento|event)\\.?$",
        "^(reposted|reshared|boosted|retweeted|repostado|republicado|partilhado|compartilhado|impulsionado) "
        "(by|por) [^.!?]{1,60}$",
        "^(encaminhad[oa]|reencaminhad[oa]|forwarded)( (muitas vezes|com frequencia|many times|often))?$",
        # A messenger's header over a forwarded message, with its channel: "Mensagem encaminhada de Céu Aberto".
        "^(mensagem|message|publicacao|post) (encaminhad[oa]|reencaminhad[oa]|forwarded) (de|from|por|by) [^.!?]{1,60}$",
        # A reader's app that collects stories into magazines: "Flipped into Launch Watch" (seed-shaped probe 20).
        "^(flipped|flipado|flipada) (into|in|em|para) [^.!?]{1,60}$",
    )),
    "advertisement": (False, (
        "^(publicidade|advertisement|anuncio|sponsored|patrocinado|conteudo patrocinado|ads?|advertising)(?![^\\W_])",
        "advertisement", "publicidade", "continues below", "continua apos (a )?publicidade",
        "continua depois da publicidade",
        # ... an educational site's (probe 25): "Não pare agora... Tem mais depois da publicidade ;)".
        "(tem|ha) mais (depois|apos|abaixo) da publicidade",
        # ... as a Portuguese site words it (probe 21): "Continue a ler a seguir à publicidade".
        "continu[ae] a ler (a seguir|depois|apos) (a|da) publicidade", "sponsored by", "brought to you by", "patrocinado por",
        "(use|enter|with) (the )?(promo |discount |coupon )?code [a-z0-9]+", "(use o|com o|aplique o) cupom",
        "codigo promocional", "cupom de desconto",
        # ... and in Portuguese, with the show's sponsor (found blind in probe 30): "Este episódio tem o apoio da Quinta
        # da Pedra. Use o código COPO10 para 10% de desconto".
        "(use|utilize|insira|introduza|com) o (codigo|cupao|cupom)( promocional| de desconto)? [a-z0-9]+",
        "(este|o) (episodio|programa|podcast|video) (tem|conta com|teve) o (apoio|patrocinio) (da|do|de|das|dos)",
        "(this|the) (episode|show|podcast|video) is (supported|sponsored) by",
        "\\d+% off", "\\d+% de desconto", "(save|economize|poupe) (up to|ate) \\d+ ?%",
        # A travel page's affiliate call: "Book your hotel in Porto on Booking.com".
        "book (your|a) (hotel|hotels|stay|tour|tours|flight|flights|tickets?)",
        # A wire's or platform's pitch to the reader's company: "Want your company's news featured on ...?"
        "(?:want|quer) (?:your|sua|seu)( [^\\W\\d_]+('s)?){1,3} (featured|divulgad[oa]s?)",
        # A product's or club's sales pitch: "Try ... free for 14 days", "garanta desconto nos ingressos".
        "free trial", "(teste|periodo|avaliacao) gratis",
        "(no|sem) (credit card|cartao de credito) (required|needed|necessario)",
        "(garanta|ganhe) (ja )?(o seu |seu |sua |a sua |um |uma )?desconto",
        # A shop's promotions and calls: "Leve 3 e pague 2", "Buy one, get one free", "na primeira compra", "Aproveite!".
        "leve \\d+,? (e )?pague \\d+", "(compre|buy) (\\d+|one|um|uma),? (e )?(leve|get) (\\d+|one|um|uma)",
        "(na|em sua|na sua) primeira compra", "(on|off) your first (order|purchase|box|shop)",
        # A shop's seller line under its price (probe 32): "Vendido e entregue por Casa & Cozinha", "Sold and shipped by
        # ...", "Dispatches from and sold by ...".
        "(vendido|enviado) e (entregue|enviado|despachado) por", "sold and (shipped|dispatched|delivered|fulfilled) by",
        "(ships|dispatches|dispatched|shipped) from and sold by",
        "(aproveite|aproveita)!", "(shop|compre|buy|order|peca) (now|agora|ja)",
        # A betting ad: its offer and the responsible-gambling line the law makes it carry ("+18. Jogue com
        # responsabilidade.", "18+ BeGambleAware.org").
        "(jogue|aposte) com responsabilidade", "(gamble|bet|play) responsibly", "begambleaware",
        "apostas (gratis|gratuitas)", "odds (a|de|of) \\d",
    )),
    "byline or credit": (False, (
        # A forum's quote header, who wrote the quoted post and when (probe 47): "Quote from: dave_in_derby on December
        # 01, 2026, 07:41:12 PM", "joana_sintra escreveu: 30 nov 2026, 18:22" (a handle, then the date). Word cues, not
        # symbol cues on ":": every line with a colon would go through the batch's screen to the full check.
        "^(quote|citacao|citar|quoting|citando)( from| de)?: [\\w.-]+ (on|em) ",
        # A reply's header on a social app, whom it answers (seed-shaped probe 44's X): "Replying to @owenbriggs", "Em
        # resposta a @ana e @rui".
        "^(replying to|em resposta a|respondendo a) @[\\w.-]+(,? (and|e) @[\\w.-]+)*$",
        f"(escreveu|wrote):? \\W{{0,2}}(on |em )?({STAMP}|{DAY_MONTH})",
        # ... phpBB's, its month first after the weekday and a link's arrow to the quoted post (probe 48): "oakshavings
        # wrote: ↑Sat Nov 28, 2026 6:02 pm".
        f"(escreveu|wrote):? \\W{{0,2}}({WEEKDAY}\\.?,? )?{MONTH}\\.? \\d{{1,2}},? \\d{{4}}",
        # A print view's stamp, the site it was printed from (found blind in seed-shaped probe 41): "Printed from
        # healthtechdaily.com on 5 Dec 2026, 09:14 GMT", "Impresso a partir de www.jornal.pt em 05/12/2026".
        "^(printed from|impresso a partir de|impresso de|imprimido a partir de) (www\\.)?[\\w-]+(\\.[\\w-]+)+",
        # ... a PDF's, when it was made (found blind in seed-shaped probe 43): "Documento gerado em 05/12/2026 às 08:15 por
        # www.lisboaviva.pt", "Document generated on 5 Dec 2026".
        "^(documento|document|pdf) (gerado|generated|criado|created) (em|on|a|at) \\d",
        # An e-reader's clipping header, where and when the reader marked it (found blind in probe 43's Kindle "My
        # Clippings"): "- Your Highlight on Location 12-13 | Added on Friday, 5 December 2026 07:41:09", "- Seu destaque
        # na posição 40-41 | Adicionado: sexta-feira, ..." (not "O seu": at-start cues are indexed by their first word,
        # and "o" or "a" opens a good part of Portuguese lines).
        "^(your|seu|sua) (highlight|note|bookmark|destaque|nota|marcador) (on|at|em|na|no) "
        "(page|location|pagina|posicao|local) \\d",
        # A block editor's compared revision, its date and author (found blind in probe 43's WordPress): "Revisão de 4
        # de dezembro de 2026 às 18:20 por Inês Carvalho", "Revision of 4 December 2026 at 18:20 by Sam Lee".
        f"^(revisao|revision) (de|of|from) {DAY_MONTH}( de)?,? \\d{{4}}( (as|at) \\d{{1,2}}[:h]\\d\\d)? (por|by) ",
        # A byline's credit word before the name and the numeric date (probe 47's pt-PT paper): "Texto de Rui Pacheco ·
        # 04/12/2026 - 09:20", "Fotos de Ana Reis | 3/12/2026".
        "^(texto|textos|foto|fotos|reportagem|words|photos|text) (de|por|by) [^\\W\\d_]+( [^\\W\\d_]+){0,3} ?[|·-] ?"
        "\\d{1,2}/\\d{1,2}/\\d{2,4}",
        # Who opened a petition, when a book first came out, until when an episode streams, a post's update's date,
        # when a consultation closes (probe 19): "Aberta por Associação de Moradores · Pelotas, RS · 14 de fevereiro
        # de 2025", "First published March 4, 2021", "Disponível até 12 mar 2026", "Atualização · 3 de março de 2025",
        # "Status: Open · Closes: 11:59pm, 15 January 2026".
        "^(aberta|criada|iniciada|started|created) (por|by) ",
        # ... a page export's property, its label and colon over the name (Notion; found blind in probe s53-cleaning2):
        # "Criado por: Inês Carvalho"; a sentence's "Criado por um grupo de pais, ..." has no colon.
        "^(criad[oa]|created|editad[oa]|edited|last edited) (por|by): ",
        # ... a forum's reply, its author and date (found blind in probe 45): "Reply from greenfingers_jo · 5 Dec 2026,
        # 09:47", "Resposta de Lúcia_Horta · 05/12/2026 18:40"; a headline's "Resposta de Lula" has no date after.
        r"^(reply|resposta) (from|de) [^\s·|]+ [·|] ([^·|]{1,30} [·|] )?[^·|]{0,20}\d{4}",
        # ... a forum's thread, named first (probe 45): "Tópico iniciado por rodrigo_mtb · 28/11/2026 às 07:52".
        "^(topico|tema|discussao|thread|topic|discussion) (aberto|aberta|criado|criada|iniciado|iniciada|started|"
        "created) (por|by) ",
        # A paper's corresponding author, with their address: "Corresponding author. E-mail address: ...", "Autora
        # correspondente: ..." (probe 30).
        "^(corresponding) authors?\\b", "^(autor|autora) (correspondente|para correspondencia)",
        # A wiki's or a notes app's export under the page: "Criado por Ana Souza em 10/03/2026 · Última modificação em
        # 11/03/2026", "Last modified on 11/03/2026 by Ana Souza" (probe 26); a date's numbers, nothing else.
        r"(ultima|last) (modificacao|alteracao|edicao|modified|edited) (em|on|:) ?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
        # Who published a page, a name alone after: "Publicado por Tribunal de Justiça de Minas Gerais" (probe 23).
        # ... with a colon (probe 25): "Publicado por: Rafaela Sousa".
        r"^(publicad[oa]|postad[oa]|escrit[oa]|published|posted|written|submitted) (por|by):? [^\W\d_]+( [^\W\d_]+){0,6}$",
        # A lyrics or subtitles site's contributors, each after what they did (probe 23): "Enviada por Joana e traduzida
        # por Pedro. Legendado por Ana."
        # A passive in a story's sentence is no credit (probe 25): "O vídeo foi enviado por leitores ao nosso número";
        # nor is an aside between commas (probe 27): "O áudio, enviado por leitores ao nosso WhatsApp, soma ...".
        r"(?<!foi\s)(?<!foram\s)(?<!sera\s)(?<!ser\s)(?<!sao\s)(?<!,\s)"
        # ... nor is how a thing is sent (probe 33): "..., que é enviado por e-mail no mesmo dia".
        r"(enviad[oa]|transcrit[oa]|traduzid[oa]|legendad[oa]) por (?!e-?mail|correio|sms|carta|fax|whatsapp)[^\W\d_]+",
        # A translated post's credit, by whom or from which language, opening its line (seed-shaped probe 24):
        # "Translated from Spanish", "Translated by Marta Kowalski from the Polish original", "Traduzido do inglês pelo
        # Google"; a sentence that opens so ("Translated by Rabassa, the novel sold well.") is no short fragment.
        r"^(translated|traduzid[oa]) (by|from|do|da|pel[oa]) [^\W\d_]+",
        # A code host's release credits its contributors, the count of the others closing the line (found blind in
        # probe 24): "mira-osei, jpaulsen, and 4 other contributors"; a sentence goes on or ends in a stop.
        r"(and|e) \d+ (?:other|outros|outras) (contributors|contribuidores|colaboradores)$",
        # Who asked or answered, on a Q&A site's card after its role in brackets, no sentence (found blind in probe
        # 23): "[Pergunta] Carla Mendes Professora Setúbal, Portugal 1K"; "[Pergunta] Devemos escrever «há de»?" asks.
        r"^(pergunta|question|resposta|answer)\] [^.!?]+$",
        # Who made a request to whom, on a public-records site's page (found blind in probe 23): "Rachel Moss made this
        # Freedom of Information request to Harbourside City Council".
        "made this (freedom of information |foi |information |access to information )?request to",
        "^(first published|publicado originalmente|publicado pela primeira vez|primeira edicao|primeira publicacao)( in| on| em)?:? "
        "[^.!?]{0,20}\\d{4}$",
        rf"^(disponivel|available) (ate|until|till) {STAMP}$",
        # ... and a ticket's sales (found blind in probe 25): "Vendas até 12/12/2026", "Sales end 12 December 2026".
        rf"^(vendas|inscricoes|sales|registration) (ate|until|till|end|close|encerram)( em| on)? "
        rf"(\d{{1,2}}/\d{{1,2}}(/\d{{2,4}})?|{STAMP})$",
        rf"^(atualizacao|update|updated|atualizado)( \d+)? ?[·|-]? ?(em |on )?{STAMP}\W*$",
        # When a learning platform's activity opens or is due (probe 25's Moodle page): "Aberto: segunda-feira, 30 de
        # novembro de 2026, 08:00", "Due: Friday, 12 December 2026, 11:59 PM".
        rf"^(aberto|aberta|abre|fecha|fechado|fechada|opened|opens|due|closes|closed): ([^\W\d_]+(-feira)?, )?{STAMP}",
        "(closes|closing date|encerra|encerramento) ?:\\W* ?\\d+",
        # A service status's update times (found blind in probe 19): "Status: Amber · Updated 07:45, Friday 21
        # November", "Next update: 16:00 today".
        "(updated|atualizado|actualizado) (at |as |às )?\\d{1,2}[:h]\\d\\d",
        "^(next update|proxima atualizacao|proxima actualizacao) ?:",
        # Where a post was first or is posted, alone on its line (probe 22): "Originally posted on Medium", "Publicado
        # originalmente no Substack", "Posted in r/SelfDrivingCars".
        r"^(originally posted|originally published|publicad[oa] originalmente|postad[oa] originalmente|posted|"
        r"publicad[oa]|postad[oa]) (on|in|at|no|na|em) (r/[\w-]+|[^\W\d_]+)$",
        # Who forwarded a feed's post, over it: "Encaminhado de Cripto Radar".
        "^(encaminhad[oa]|reencaminhad[oa]|forwarded) (de|from) ",
        "^(foto|fotos|photo|photos|photograph|image|imagem|credito|credit|fonte|source|reportagem|texto|edicao|"
        "reporting|editing|video|legenda|caption|image caption|image source) ?[:,]",
        # ... but "Por que investigamos" is a heading asked as a question (probe 25).
        r"^(por|by) (?!que(?![^\W_]))[^\W\d_]+( [^\W\d_]+){0,3}"
        r"(,? ?(da|de|do|em|from|for|of|in)? ?[^\W\d_]+( [^\W\d_]+){0,2})?$",
        # ... two names and their role (found blind in probe 41): "By **Owen Hartley** and **Priya Mistry**, Local
        # Democracy Reporters".
        r"^(por|by) [^\W\d_]+( [^\W\d_]+){0,2} (and|e|&) [^\W\d_]+( [^\W\d_]+){0,2}, [^\W\d_]+( [^\W\d_]+){0,3}$",
        r"^(redacao|newsroom|staff)( [^\W\d_]+){0,5}$",
        "tempo de leitura", "reading time", "min read", "minute read", "minutes read", "minutos de leitura", "min de leitura",
        "leitura de [0-9]+ min(utos?)?",
        # ... and "Last edited by PlotHolder42; 9 November 2026 at 18:02." (found blind in probe 30).
        r"^(last) (edited|modified|updated)\b(?:[^.!?]|\.(?=\w))*\d",
        # ... with a name's initial on the way (found blind in probe 32): "Avaliado por Carlos H. em 20/11/2026".
        r"^(publicad[oa]|atualizad[oa]|anunciad[oa]|postad[oa]|listed|published|updated|posted|reviewed|avaliad[oa]|started|"
        r"iniciad[oa]|asked|perguntad[oa]|answered|respondid[oa]|edited|editad[oa]|modified|modificad[oa]|issued|"
        r"emitid[oa])\b(?:[^.!?]|\.(?=\w)|(?<= [a-z])\.)*\d",
        # A how-to's co-authors after their label (found blind in probe 35): "Coautoria de: Equipa ComoSeFaz" (a book's
        # "Autora: Lívia Maranhão" in its shop's sheet is the product's data, probe 32); a category after "Posted in"
        # ("Posted in Lost & Found"; a date there is a dateline).
        "^(coautoria|co-autoria|coautores|co-authored|co-authors)( de| by| por)? ?: [^.!?]{1,60}$",
        "^(posted|filed|publicado|publicada|postado|postada) (in|under|em|na|no) [^.!?\\d]{1,40}$",
        # A forum reply's numbered header, its author after it (probe 42): "Reply #1 by MillerDave on 21 Nov 2026",
        # "Resposta #3 de rui_m em 2 dez 2026", "Post #12 by ...".
        "^(reply|resposta|post|mensagem|message|comment|comentario|answer) ?#? ?\\d{1,5} (by|por|de|from) [^\\s.!?]+",
        # A listing's posting time by a relative day, alone (probe 42): "Listed yesterday at 9:15", "Publicado hoje às
        # 11:42"; a story's "foi publicado hoje" is no such line (and see SYMBOL_CUES, after the listing's place).
        f"^{RELATIVE_POSTING_TIME}",
        # A review site's card over each review and its fields under it (probe 35): "Sophie R wrote a review Nov 2026",
        # "Date of stay: November 2026", "Trip type: Travelled as a couple", "Data da estadia: novembro de 2026".
        "(wrote|posted|left) a review", "escreveu uma (avaliacao|opiniao|analise)",
        "(date|data) (of|da) (stay|visit|experience|estadia|visita|experiencia) ?:", "(trip type|tipo de viagem) ?:",
        # A shop's or a guest house's owner under their name, signing a box or a reply (probe 35): "Marcos Vieira, dono
        # da loja Torra Fina", "Response from Jane M, Owner at The Old Forge"; the sentence that names them goes on.
        "(?<=, )(owner|co-owner|founder|proprietor) (of|at)",
        "(?<=, )(dono|dona|proprietari[oa]|fundador|fundadora) (d[aoe]s?|na|no)",
        # A mailing list archive's date line, as the mail's header had it (probe 35): "Tue Dec 1 19:42:07 UTC 2026".
        "^(mon|tue|wed|thu|fri|sat|sun) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) \\d{1,2} \\d{1,2}:\\d\\d(:\\d\\d)?"
        "( [a-z]{2,5})? \\d{4}$",
        # A dateline that opens with the weekday: "Saturday 12 April 2025, 5:14 pm", "quinta-feira, 6 de março".
        r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|segunda|terca|quarta|quinta|sexta|sabado|domingo)"
        # ... or the month first and no year, an event page's date line (probe 48's "Thursday, January 21 · 7 - 9pm
        # GMT", probe 50); "Saturday, March 7 at 7:30pm" is an appointment in a sentence.
        rf"(-feira)?,? ((?:{MONTH_NAMES}) \d{{1,2}}(st|nd|rd|th)?(?![\d,]| (at|from) \d)|"
        r"\d{1,2}(st|nd|rd|th)? (of )?[a-z]+,? \d{4}|[a-z]+ \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2} de [a-z]+(?![a-z])"
        # ... but an hour after a date without its year makes it an appointment ("Domingo, 28 de setembro, às 19h").
        r"(?!,? (a partir )?(das?|as|a) \d))"
        # ... nor is one with a venue's words after the date, to the line's end: an event's date and place ("Thursday 11
        # March 2027, Plymouth Marine Hall", probe 23).
        r"(?!,? [^\W\d_]+( [^\W\d_]+)*$)"
        # ... nor one with a dash and the event's words after it, an agenda's item in a newsletter (probe
        # s53-cleaning2): "Sábado, 18 de abril — limpeza do jardim"; a dateline's "— Lusa" is one word.
        r"(?!,? ?[—–-] (?!(por|by) )[^\W\d_]+ [^\W\d_])",
        r"^(press|news|media) release( (issued|published|dated?))?( on)? ?[:·|—–-]? ?\d{1,2} [a-z]+ \d{4}",
        # Its Portuguese label, alone or over its date: "Comunicado de imprensa · 18 de fevereiro de 2026", "Nota à imprensa".
        r"^(comunicado|nota|release) (de imprensa|a imprensa|para a imprensa|oficial)"
        r"( ?[:·|—–-] ?\d{1,2}( de)? [a-z]+\.?( de)? \d{4})?[*_]*$",
        # A government page's publishing body under its title (GOV.UK; found blind in probe 32): "From: Highways and
        # Streetscene", "From: HM Revenue & Customs and Department for Work and Pensions"; names alone, no sentence's
        # stop, no e-mail address (a quoted e-mail's header is left out as one).
        r"^(from): [^\W\d_][^.!?:<>@/]{0,120}$",
        # A story's update with the month first and abbreviated (probe 33): "Updated Dec. 2, 2026, 6:41 p.m. ET".
        rf"^(updated|published|posted|atualizad[oa]|publicad[oa])( on| em)?:? {MONTH}\.? \d{{1,2}},? \d{{4}}",
        # A forum thread's byline, the member's handle and the day and board (probe 33): "Por rodrigo_mg, 28 de novembro
        # em Fontes e energia", "By mark_t, November 28 in Power supplies"; "Por exemplo, ..." opens a sentence.
        rf"^(por|by) (?!exemplo|example|isso|isto|fim|outro|volta|causa|favor)[\w.-]+, (\d{{1,2}}( de)? {MONTH}|{MONTH}\.? "
        rf"\d{{1,2}})\.?( de \d{{4}}|,? \d{{4}})?,? (em|in) [^.!?]{{1,60}}$",
        # A newsroom's own byline: "Wessex FM News Team", "Equipe de reportagem".
        r"(?:news|editorial|sports?) (team|desk)$", r"da redacao ?$",
        # A periodical's masthead: "Ano XII - Edição nº 2.418".
        r"(edicao|edition) n[oº.]+ ?\d",
        # A byline that goes on with a date: "By Tom & Alice · Updated 2 June 2025".
        r"^(por|by) [^\W\d_][^.!?\d]{0,59}(·|\||—) ?((updated|atualizad[oa]|published|publicad[oa]|posted|postad[oa]) )?"
        r"((em|on|in) )?((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|seg|ter|qua|qui|sex|sab|dom)[a-z]*\.?,? )?\d",
        r"^(issue|edicao|edition|volume|numero) (n[o.º]* ?)?#?\d+",
        # A store's line naming who offers the app or extension (s47-cleaning2): "Offered by: Quiet Tabs Software".
        r"^(offered by|oferecido por|desenvolvido por|developed by):? [^\W\d_][^.!?]{0,50}$",
        # ... its name closed by its legal form's stop (s47-cleaning2's blind "Oferecido por: Lumen Apps Ltda.").
        rf"^(offered by|oferecido por|desenvolvido por|developed by):? [^\W\d_][^.!?]{{0,50}}{LEGAL_FORM}$",
        # ... a bulletin's issue line, its number set apart from its date (found blind in probe 40): "Boletim n.º 1123 ·
        # 30 de novembro de 2026 · I Domingo do Advento"; "Boletim n.º 3 da DGS indica ..." is a sentence.
        r"^(boletim|bulletin|newsletter) (n[o.º]* ?)?#?\d+ ?[·|•—–-] ",
        # A byline with the place it was filed from: "Por Juliana Arruda — Corumbá (MS)".
        # ... also after the paper's name: "Por Carla Mendes, Jornal do Vale — Campinas".
        # ... or by a name in bold: "Por **Coletivo Leia Providência** · Rio de Janeiro, RJ" (found blind in probe 18).
        # ... said as who reported it (seed-shaped probe 40): "Reported by Helen Achebe | Dec 3, 2026".
        # ... or as whose text it is, found blind there: "Texto de Gustavo Ferraz · 3 min".
        r"^(reported by|written by|texto de|reportagem de|text by|words by|por|by) [*_]*[^\W\d_]+( [^\W\d_]+){0,3}(, ?[^\W\d_]+( [^\W\d_]+){0,3})?[*_]* ?"
        r"[—–|·] ?[^.!?]{1,40}$",
        # A post's author over the box about them: "Written by Marta Figueira", "Escrito por João Pedro Alves".
        r"^(written|escrito|escrita|authored) (by|por) [^\W\d_]+( [^\W\d_]+){0,3}$",
        # A wire story's credits: "Reporting by ...; Editing by ...", "Com informações da Reuters".
        r"^(additional reporting|reporting|writing|editing|research) by", "com informacoes (de|da|do|das|dos)",
        r"^(version|versao|release|v) ?\d+(\.\d+)+",
        # ... and a release's date alone after its label (probe s47): "Released: 3 December 2026", "Lançada em 2 de
        # março de 2026"; the date closes the line ("Released in 2019, the album ..." is a sentence).
        rf"^(released|lancad[oa]|disponibilizad[oa])( on| em)?:? (\d{{1,2}}(?: de)? {MONTH}\.?,?(?: de)? \d{{4}}|"
        rf"{MONTH}\.? \d{{1,2}},? \d{{4}})$",
        # Datelines: "March 31, 2025", "7 March 2025", "6 hours ago".
        r"^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
        r"jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2},? \d{4}",
        r"^\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december),? \d{4}",
        # ... with the month abbreviated or in Portuguese, the way a news site stamps a story: "23 fev 2026, 22:48",
        # "14 Sept. 2025", "3 março 2026".
        rf"^\d{{1,2}} {MONTH}\.?,? \d{{4}}(,? \d{{1,2}}[:h]\d\d)?$",
        # ... after its weekday and with a time zone, the time's stop a dot (probe 21): "Tue 2 Dec 2026 16.40 GMT".
        rf"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? \d{{1,2}} {MONTH}\.?,? \d{{4}},? \d{{1,2}}[.:]\d\d"
        r"( (gmt|bst|utc|cet|cest|wet|west|est|edt|pst|pdt))?$",
        # A byline with its outlet and town after a comma, the outlet's name holding a figure (probe 21): "Por Renata
        # Albuquerque, g1 Petrolina"; a sentence ends in its stop ("Por volta das 9h, 3 carros passaram.").
        r"^(por|by) [^\W\d_]+( [^\W\d_]+){1,3}, [^\W_]*\d[^\W_]*( [^\W_]+){0,3}$",
        r"^(last|ultima) (updated|update|modified|edited|reviewed|atualizacao|modificacao|edicao|revisao|actualizacao)",
        # A health page's review dates (found blind in probe 17): "Page last reviewed: 14 January 2025", "Next review due:
        # 14 January 2028".
        r"^(page|pagina) (last )?(reviewed|updated|revista|atualizada)",
        r"^(next|proxima) (review|revisao)( due| date| prevista)? ?:",
        # A review's date under its label (found blind in probe 17): "Written March 9, 2025", "Escrita em 9 de março de 2025".
        rf"^(written|posted|reviewed|visited|escrit[oa]|publicad[oa]|avaliad[oa]|visitad[oa]) (on |em )?"
        rf"(?:{MONTH}\.? \d{{1,2}},? \d{{4}}|{STAMP})$",
        r"(?:last|ultima) (updated|modified|edited|atualizacao) (on|em)",
        # Who checked a health or fact page: "Revisado por farmacêutica Dra. Paula Mendes", "Medically reviewed by ...".
        r"^(reviewed|medically reviewed|fact-checked|checked|revisad[oa]|verificad[oa]|checad[oa]) (por|by)(?= [^\W\d_])",
        "verified (purchase|buyer|owner|reviewer)", "compra verificada", "comprador verificado",
        # A review's or thread's byline with its date: "by Priya K. on 2 October 2026",
        # "Tópico em 'Plantas' iniciado por rita_sp, 12 Out 2026".
        r"^(por|by) [^\W\d_]+( [^\W\d_]+\.?){0,2} (on|em) \d{1,2}( de)? [a-z]+( de)?,? \d{4}(\s*$|\s[-·|—])",
        # ... or with its date after "em"/"on" (found blind in probe 36): "Tópico iniciado por joao.mtb em 30 nov 2026".
        r"(iniciad[oa]|started) (por|by) [^\s,]+, \d+", rf"(iniciad[oa]|started) (por|by) [^\s,]+ (em|on) {STAMP}",
        # A forum thread's heading line: "Discussion in 'Vegetables' started by ...", "Tópico em 'Plantas' ...".
        r"^(discussion|thread|topico|discussao) (in|em) ['‘\"“]",
        # A profile card's age: "Member since 2019", "Na plataforma desde 2019".
        rf"(member|membro) (since|desde) ?:? ?({MONTH}\.? (de )?)?\d{{4}}", r"na plataforma desde \d{4}",
        # ... a marketplace's seller card in Portugal's and Brazil's words, and how fast the seller answers (probe 42):
        # "Utilizador desde 2019", "Usuário desde 2021", "Responde normalmente em 1 hora", "Usually responds within a day".
        rf"(utilizador|usuario|user|seller|vendedor|anunciante) (since|desde) ?:? ?({MONTH}\.? (de )?)?\d{{4}}",
        r"(responde|respondem) (normalmente|geralmente|habitualmente|em media) (em|dentro de)",
        r"(usually|typically|normally) (responds|replies) (within|in)",
        # A profile card's last visit: "Último acesso há 2 horas".
        "ultimo acesso", "last (seen|active)", "visto por ultimo",
        # A date under its label ("Date: 16 March 2025"), a site's maker ("Desenvolvido por Agência Kairós").
        r"^(date|data|dated) ?: ?\d", r"^(desenvolvido|developed|designed|criado|made|built|site|website)( [^\W\d_]+)? (por|by) [^.!?]{1,40}$",
        r"\d+ (minutes?|hours?|days?|hrs?|mins?)\.? ago",
        # ... vBulletin's, its unread mark's "Old" before the stamp (found blind in probe 34): "Old 30-11-2026, 08:41
        # PM".
        r"^(old) \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},? \d{1,2}:\d\d( ?[ap]m)?$",
        # A board's post byline, its author's handle and the time after a chevron (phpBB, probe 34): "por ze_truta » 01
        # dez 2026, 21:14", "by troutman » Tue Dec 01, 2026 9:14 pm".
        r"^(por|by) [^ ]{1,40} » [^.!?]{0,30}\d{4}",
        # ... in Portuguese, also after what was updated: "Anúncio atualizado há 3 dias", "Vaga publicada há 2 semanas".
        r"(atualizad[oa]|publicad[oa]|anunciad[oa]|postad[oa]) ha \d+ (minutos?|horas?|dias?|semanas?|mes|meses)",
        # A press office's signature: "Diretoria Executiva de Comunicação - Dircom", "Media Relations team".
        "(assessoria|diretoria|coordenadoria|gerencia|nucleo|gabinete|departamento|divisao|direcao)( executiva| geral)? de "
        "(comunicacao|imprensa)",
        "secretaria( de estado)? (de|da) comunicacao", "press office", "media relations (team|office)",
        "communications (office|team|department)",
        "media contact",
        # Its heading over the contact lines, closing a press release: "Mais informações para a imprensa:".
        "^(mais informacoes|press|media) (para a|a|contacts?|enquiries|inquiries)( imprensa)? ?:$",
        # ... and without its colon, or its contacts (probe 38): "Informações para a imprensa", "Contatos de imprensa".
        "^(informacoes|contatos?|contactos?|mais informacoes) (para a|para|a|de|com a) imprensa ?:?$",
        # A contact footer's labelled lines, also after its phone ("Telefone: ... · Horário de atendimento: ...").
        "(horario|horarios) de (atendimento|funcionamento) ?:", "^(opening|office|business) hours ?:",
        # An office's hours under its name: "Secretaria paroquial: terça a sexta, das 8h às 11h30".
        "^(secretaria|escritorio|atendimento|expediente|plantao|recepcao|office|reception)( [^\\W\\d_]+)? ?: ?(de |das? )?"
        "(segunda|terca|quarta|quinta|sexta|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"^\d{1,2}(/|\.|-| de )\S+(/|\.|-| de )\d{2,4}\b",
        # A Q&A byline ("Pergunta de Carlos M. em 12/02/2026") and an episode's length ("Duração: 42 min").
        r"^(pergunta|resposta|question|answer)( feita| enviada| postada| posted| asked)? (de|por|by|from) "
        r"[^!?]{1,40} (em|on) \d{1,2}[/ .-]",
        r"^(duracao|duration|runtime) ?: ?\d+ ?(h|hr|hrs|min|mins|minutos|minutes)(?![^\W_])",
        # A length alone on its line, under an episode's or film's title: "52m", "1h 45m", "48 min".
        r"^\d{1,3} ?(h|hr|hrs|m|min|mins)( \d{1,2} ?(m|min|mins))?$",
        # ... or a post's age in days or weeks, a social app's abbreviation (seed-shaped probe 44's Instagram): "1 d",
        # "12 sem", "3w".
        r"^\d{1,2} ?(d|sem|w)$",
        # ... or its date and time alone, a Mastodon post's stamp (seed-shaped probe 44): "5 dez, 09:12", "Dec 5, 9:12 AM".
        rf"^{DAY_MONTH},? (?:as |at )?{_CLOCK_TIME}$",
        rf"^({ENGLISH_MONTHS})\.? \d{{1,2}},? (?:at )?{_CLOCK_TIME}$",
        # ... or closing a line of details after the date: "Conversas à Mesa · 11 de março de 2025 · 38 min" (found blind
        # in probe 18).
        r"\d{4} · \d{1,3} ?(min|mins|minutos)$",
        # Who provides a public service, under its page: "Serviço prestado por: Instituto dos Registos e do Notariado".
        "^(servico|service) (prestado|provided|disponibilizado|oferecido|delivered) (por|by)",
    )),
    # A job's terms beside its title (found blind in probe 18): "£48,000 – £58,000 a year · Full-time · Permanent",
    # "Harrow & Finch Logistics · Leeds (hybrid, 2 days in office)".
    "job details": (False, (
        # Before a listing's separator: a course's "Duration: 1 year full-time, 2 years part-time" is its content.
        "(full|part)-time (·|\\|)", "(tempo integral|meio periodo) (·|\\|)", "(hybrid|hibrido|remote|remoto),? \\d (days?|dias?)",
    )),
    "comments prompt": (False, (
        # A memorial page's call to its guest book (probe s45's blind memorial page: "Share a memory or leave a
        # condolence for the Ellery family."), the call alone on its line.
        "^(share|leave|post|write|add|send|deixe|partilhe|compartilhe|escreva|envie|publique|deixa|partilha) (a|an|your|"
        "uma|um|a sua|sua|seu|o seu) (memory|memories|condolence|condolences|tribute|message of sympathy|memoria|"
        "lembranca|homenagem|condolencias|mensagem de (condolencias|pesar|apoio))[^.!?]{0,80}[.!]?$",
        # A letters page's note on its editing (found blind in probe 19): "Letters may be edited for length."
        "(may|can|will) be edited for (length|clarity|space)",
        "(podem|poderao|serao) ser (editadas|editados|resumidas|resumidos) por (questoes de )?(espaco|tamanho|clareza)",
        "comentario", "comentarios", "comment", "comments", "deixe (seu|um|o seu) comentario", "leave a (comment|reply)",
        # A video's or post's call: "comenta aqui embaixo", "let me know in the comments".
        "(comenta|comente|comment) (aqui |ai |down )?(embaixo|abaixo|below)",
        "let (me|us) know in the comments", "(conta|conte|me conta|me conte)( pra gente)? nos comentarios",
        "discussion about this (post|article|story)",
        # A comment box's placeholder (seed-shaped probe 44's DEV Community): "Add to the discussion".
        "^(add to|join) the discussion$", "^(participe da|entre na) discussao$",
        # A story whose comments are shut (found blind in probe 21): "Os comentários deste artigo estão fechados."
        "(comentarios|comments)( (deste|desta|neste|nesta|on this|for this) (artigo|noticia|materia|post|article|story))? "
        "(estao|foram|are|have been) (fechados|encerrados|desativados|closed|disabled)",
    )),
    # The heading over a post's comments, with their count (probe 21): "3 thoughts on “Winterising a campervan”",
    # "12 comentários em ...", "4 Comments", "Comments (214)". A sentence ("3 thoughts on the budget kept him awake.") is none.
    "comments heading": (False, (
        "^\\d[\\d.,]* (thoughts?|comments?|responses?|replies|comentarios?|respostas?)( (on|to|a|ao|para|em|sobre)"
        "( [^.!?]*)?)?$",
        "^(comments|comentarios) \\(\\d[\\d.,]*\\)$",
        # ... with the list's sort control beside it (probe 39): "Comments (48) · Sort by: Most liked".
        "^(comments|comentarios) \\(\\d[\\d.,]*\\) · (sort by|ordenar por)",
        # ... or a funeral home's guest book (probe 51's "Guest Book", kept there; probe s45's "Condolências"), the
        # heading alone.
        "^(condolencias|livro de condolencias|mensagens de condolencias|guest ?book|guestbook|book of condolences|"
        "condolences|online condolences)$",
    )),
    # A story's audio player asking, the question alone (found blind in probe 21): "Gostaria de ouvir este artigo?".
    "audio player": (True, (
        "(gostaria de|quer|queres|deseja|would you like to|do you want to) (ouvir|escutar|listen to) (este|esta|this) "
        "(artigo|texto|noticia|materia|reportagem|article|story)\\?$",
        # ... its button over the story with its length (probe 33): "Ouvir notícia · 3 min", "Ouça esta reportagem".
        "^(ouvir|ouca|escutar|escute|listen to)( (a|o|esta|este|this|the))? (noticia|materia|artigo|reportagem|texto|"
        "article|story)( ?[·|•-] ?\\d+ ?(min|mins|minutos|minutes))?$",
        # An episode's length and date alone under its title (probe s50): "41 min · 2 de dezembro de 2026".
        "^\\d{1,3} ?(min|mins|minutos|minutes)\\.? [·|•] [^·|•]{0,30}\\d{4}$",
    )),
    # A news agency's credits closing its story, the whole line (found blind in probe 21): "Reporting by <names> in
    # <towns>; Editing by <name>"; "Reporting by the BBC showed the problem." names no editor.
    "agency credits": (True, (
        # A story's print edition, under it (probe 33): "A version of this article appears in print on Dec. 3, 2026,
        # Section A, Page 14 of the Seattle edition with the headline: ...", the two phrases in one line.
        "(a version of this|uma versao deste|uma versao desta) (article|story|review|texto|artigo|reportagem|materia|"
        "noticia) (appears|appeared|aparece|apareceu|saiu|foi publicada)",
        "(edition|edicao) (with the headline|com o titulo)",
        # A wire story's contributors under it and its priority over it (found blind in probe 50): "Atlantic Press writer
        # Daniel Mendes in Madrid contributed to this report.", "Prioridade: Urgente"; "Several delays contributed to this
        # report." is the story's.
        "(writers?|correspondents?|reporters?) [^.!?]{1,80} (contributed|contributed reporting) to this "
        "(report|story)\\.?$",
        "^(prioridade|priority): (urgente|urgent|flash)$",
        # ... and the agency's box on its principles under the story (probe 50's wire, probe 51's): "Our Standards: The
        # Meridian Trust Principles.", "Nossos Padrões: Os Princípios de Confiança da Agência Sul." A label, its colon.
        "our standards:", "nossos padroes:",
        "^(reporting|writing|reportagem|texto) (by|de|por) [^.!?]*; ?(editing|edited|edicao) (by|de|por) [^.!?]*$",
        # ... and a show's, two roles in a row (probe 28): "Slow Rails is produced by Tinplate Audio. Music by Lena Farrow."
        # ... and a show's funder, opening the line (probe 38): "Este episódio teve o apoio da Fundação Terras Altas.",
        # "This episode was supported by the Wellcome Trust."
        "^(este|esse|this) (episodio|podcast|episode) (teve|tem|contou com|conta com|is|was) (o )?(apoio|patrocinio|"
        "supported|sponsored|funded|made possible) (d|by)",
        "(produced|produzid[oa]|edited|editad[oa]|hosted) (by|por|pel[oa]) [^.!?;]{1,60}[.;] ?(music|musica|"
        "trilha sonora|sound design|edited|editing|edicao|mixing|mixagem|artwork) (by|de|por)(?![^\\W_])",
    )),
    # A listing's contact form, with the message it suggests.
    "contact prompt": (False, (
        # A service's helpline, its label and number opening a line (probe 35, and probe 34's "Ligue SNS 24: 808 24 24
        # 24 (chamada gratuita, 24 horas por dia)"): "Linha de apoio ao cliente 808 200 150 (dias úteis, 9h-19h)",
        # "Atendimento: (35) 99812-4410, de segunda a sexta", "Helpline: 0800 123 456"; a sentence that gives a number
        # ("Ligue 112 em caso de emergência.") goes on.
        "^(linha|central|servico) de (apoio|atendimento|ajuda)[^.!?]{0,60}\\d{3}",
        # ... a line's own name before its number, which closes the line or a bracket follows (probe 42): "Linha Verde do
        # Ambiente: 800 203 112 (chamada gratuita, ...)", "Helpline for tenants: 0800 123 4567"; and the call's cost.
        "^(linha|numero|line|number|helpline|hotline)( [^.!?:\\d]{1,40})? ?: ?[(+]?\\d{2,4}[ .-]?\\d{3}[ .-]?\\d{3,4}( ?\\(|$)",
        "(chamada|ligacao) (gratuita|gratis)",
        "^(ligue|call|helpline|atendimento|freephone)( [^.!?\\d]{0,40})?:? ?[(+]?\\d[\\d ()-]*\\d",
        # A newsroom's or press office's call for contact: "Got a story? Email ...", "Please contact ... for further information."
        "got a (story|tip)", "tem uma (denuncia|sugestao de pauta)", "for (?:further|more) (information|details)",
        # A fact-checker's tip line (probe 25): "Viu algo suspeito? Mande para o nosso WhatsApp", "Send it to our WhatsApp".
        "algo (suspeito|duvidoso|estranho) ?\\?", "something (suspicious|dubious) ?\\?",
        "(mande|envie|manda|envia|send it|send them) (para|pra|to) (o )?(nosso|our) (whatsapp|numero|number|e-?mail)",
        "tenho interesse (neste|nesse|nesta|nessa|no seu|na sua) (imovel|anuncio|produto|veiculo|vaga|carro|apartamento|casa)",
        "gostaria de (mais|receber mais|obter mais) (informacoes|detalhes)",
        # A public service's contact centre with the call's cost, as Portugal's law asks (found blind in probe 18):
        # "Centro de Contacto Cidadão: 210 489 011 (dias úteis das 9h às 19h, chamada para a rede fixa nacional)".
        "centro de contacto", "chamada para a rede (fixa|movel)",
        "(i am|i'm) interested in (this|your) (property|listing|item|home|vehicle|car|apartment|house|position)",
        "(i would|i'd) like (more information|to know more|to receive more)",
        # A help box: "Still need help? Chat to us in the app ... or call 0207 ...", "Precisa de ajuda? Fale com o suporte".
        # Its heading only: "If you need help, call 111" is advice in a story.
        "^(ainda precisa|precisa|still need|need) (de )?(mais |more |any )?(ajuda|help)", "fale conosco",
        # ... or a help centre's, under its answers (probe 46): "Não encontrou o que procurava? Ligue ...", "Didn't find
        # what you were looking for? Contact us", "Can't find the answer you need?". Opening the line: a story's
        # "Quem não encontrou o que procurava voltou no dia seguinte." goes on.
        "^(nao encontrou|nao encontra) (o que (procurava|procura)|a (resposta|informacao) que)",
        "(didn't|did not|can't|cannot|couldn't) find (what you('re| were| are) looking for|the (answer|information) you)",
        "fale com (o|a|nosso|nossa) (suporte|atendimento|equipe|central)",
        # ... or a company's "us" in Brazil ("Fale com a gente pelo chat do app"), screened by "fale" ("a gente" is
        # everyday speech).
        "fale com a (gente)", "(chat|talk|speak) (to|with) us",
        # ... opened by the reader's doubts (probe 29): "Dúvidas? Fale com a secretaria pelo WhatsApp ...", "Questions?
        # Call the office on ..."; "Dúvidas sobre o IRS? Saiba ..." in a story is a subheading of its own.
        "^(duvidas|alguma duvida|questions|any questions)\\? (fale|ligue|escreva|entre em contato|contacte|call|email|"
        "e-mail|contact|get in touch|talk|speak|ask)",
        "entre em contato conosco", "contact (us|our support|support)",
        # Its European Portuguese form, by a channel: "Contacte-nos através do e-balcão ...", "Contacte o apoio
        # pelo ...".
        "(contacte|contacta|contate|contacte-nos|contacta-nos|contate-nos)( [^\\W\\d_]+){0,3} "
        "(atraves|pelo|pela|por|via|no|na)",
        "(call|ring) (us )?(on |at )?\\+?\\(?\\d+",
        "ligue (para )?(o |a )?\\(?\\d+",
        # An opinion page's call for letters: "Do you have an opinion on the issues raised in this article? ...".
        "(do you have|have you got) an opinion on", "considered for publication",
        "(tem|quer dar) (uma )?opiniao sobre (este|esse|o|a) (tema|assunto|artigo|texto)", "considerad[oa]s? para publicacao",
        # The offer of a letter or leaflet in another format: "If you need this letter in large print, Braille or
        # another language, please call ...".
        "(?:letter|document|leaflet|information|publication|notice) in (large )?(braille|print)",
        "(?:carta|documento|folheto|informacao|publicacao|aviso) em (letra ampliada|braille)",
    )),
    # A call to report a mistake on the page: "Encontrou um erro nesta página? Avise-nos.", "Spotted a typo?".
    # A site's survey box (probe 23): "Help us improve our website", "Can you answer a quick question about your visit
    # today?", "Take our survey", "Ajude-nos a melhorar o nosso site".
    "survey prompt": (True, (
        # ... or the site by its name (found blind in probe 33): "Help us improve GOV.UK".
        "^(help us improve|ajude-nos a melhorar|ajuda-nos a melhorar) gov\\.(uk|br|pt)$",
        "^(help us improve|ajude-nos a melhorar|ajuda-nos a melhorar) (our|this|the|o nosso|nosso|o|este) "
        "(website|site|service|servico|portal|page|pagina)$",
        "(answer|responder|responda) (a|uma) (quick|short|rapida|breve|curta) (question|pergunta) (about|sobre) "
        "(your|a sua|sua) (visit|visita)",
        "^(take|fill in|complete|responda a|responda ao|preencha) (our|the|a short|this|o nosso|a nossa|o|a) "
        "(survey|questionnaire|inquerito|questionario|pesquisa)$",
        # A feedback widget's question, the whole line (probe 24): "Este serviço foi útil para você?", "Was this
        # service helpful to you?"; a short one ("Esta página foi útil?") goes as a button's label already.
        "^(este|esse|esta|essa) (servico|pagina|conteudo|artigo|resposta|informacao|materia|noticia|texto) "
        "(foi|e|te foi) util( para (voce|vc|ti|si))? ?\\?$",
        "^(was|is) this (page|service|article|answer|information|guide) (helpful|useful)( to you)? ?\\?$",
        # ... and of the page's content (probe 33): "O conteúdo desta página foi útil para você?".
        "(conteudo|informacao|texto) (desta|dessa|deste|desse) (pagina|artigo|site|servico) (foi|e|te foi) util"
        "( para (voce|vc|ti|si))? ?\\?$",
        # ... and a gov.br service's, on whether it could be used (probe 35): "Você conseguiu utilizar este serviço?",
        # "Were you able to use this service?".
        "(conseguiu|consegue) (utilizar|usar|acessar|concluir) (este|esse|o) servico ?\\?$",
        "(were|was) you able to (use|complete|access) (this|the) service ?\\?$",
        # ... and a council's, with its answers (found blind in probe 41): "Did you find what you were looking for? Yes /
        # No", its answers set apart by a dot too, and in Portuguese (s51-cleaning2): "... Yes · No", "Encontrou o que
        # procurava? Sim · Não".
        "^(did) you find what you (were )?looking for ?\\?( yes ?[/·|] ?no)?$",
        "^(encontrou|encontraste|conseguiu encontrar) o que (procurava|procuravas|estava a procurar|estava procurando) ?"
        "\\?( sim ?[/·|] ?nao)?$",
        # A reactions bar's question over its faces, the whole line (seed-shaped probe 40): "How do you feel about this
        # story?", "O que você achou desta reportagem?" (its verb and what it asks of, ending the line: "o" and "como" as
        # a cue's first word would send every line they open to the full check).
        "^(how) do you feel about this (story|article|post|piece) ?\\?$",
        "(achou|sentiu|sente)( sobre| com| de)? (esta|essa|este|esse|desta|dessa|deste|desse) (reportagem|materia|"
        "noticia|artigo|texto|post|publicacao) ?\\?$",
    )),
    # A public-records site's status of a request, the whole line (found blind in probe 23): "Awaiting
    # classification.", "The request was successful.", "The request was partially successful." (kept as a sentence
    # of five words while the kind was weak; probe 25). A story's "The request was refused by the council in March."
    # goes on after it, and its "After a year, the request was refused." says more before it.
    "request status": (True, (
        "(^|^(the|this|your) request (is|was) )awaiting (classification|clarification|response|internal review)\\W*$",
        "(^|^(the|this|your) )request (was|has been) (partially )?(successful|refused|withdrawn)\\W*$",
    )),
    # A service's status page (probe 39): its heading over an incident's updates, "Incident Report for Ferrylink", and
    # the parts the incident touched, "This incident affected: Ticket machines (Card payments) and Mobile app.".
    "status page": (True, (
        "^(incident report|relatorio de incidente|relatorio do incidente) (for|de|da|do) [^.!?]{1,60}$",
        "^(this incident affected|este incidente afetou|componentes afetados|affected components) ?:",
    )),
    # A weather or civil-protection warning's level, label and value the whole line (probe 51's "Grau de severidade:
    # Perigo", kept there; probe s45's "Nível de aviso: Laranja"): a field of the warning, no sentence of it.
    "warning level": (True, (
        "^(nivel|grau|estado) (de |do |da )?(aviso|alerta|severidade|risco|perigo|gravidade|prontidao) ?: ?[^.!?]{1,30}$",
        "^(severity|severity level|warning level|alert level|risk level|threat level) ?: ?[^.!?]{1,30}$",
        # ... the label bare, "Nível:"/"Level:", then known only by its value, a warning scale's word or colour
        # (probe s45's blind civil-defence alerts: "Nível: Alerta", "Nível: Atenção"); a course's "Nível: Avançado"
        # or a river's "Nível: 3,2 m" names none.
        "^(nivel|grau|level|severidade) ?: ?(verde|amarel[oa]|laranja|vermelh[oa]|cinzent[oa]|green|yellow|amber|"
        "orange|red|observacao|atencao|alerta|alerta maximo|perigo|grande perigo|emergencia|moderad[oa]|sever[oa]|"
        "extrem[oa]|elevad[oa]|muito elevad[oa]|moderate|severe|extreme|high|very high|minor|major|warning|watch|"
        "advisory|alert)( \\(\\d( de | of |/)\\d\\))?$",
    )),
    # A funeral's service boxes, a ceremony's label and its day and time (probe 51's "Funeral: Friday, December 4,
    # 2026, 11:00 AM, St Hilda's Church", kept there; probe s45's "Velório: ..., a partir das 17h00", "Missa de 7.º
    # dia: ..."). A time is asked, and no sentence's stop: "Funeral: the family asked mourners to wear bright colours."
    # and "Cerimónia: o Presidente chegou às 10h30 e discursou." are the text's.
    "funeral service": (True, (
        "^(velorio|funeral|missa|cerimonia|sepultamento|cremacao|enterro|exequias|visitation|viewing|wake|memorial|"
        "burial|interment|cremation|committal|celebration|graveside|vigil|rosary|procession|cortejo|velacao|sufragio)"
        "( [^:]{1,25})? ?:[^!?]{1,120}?\\d{1,2}(:\\d{2}|h\\d{0,2}\\b| ?[ap]\\.?m\\b)"
        "(?!.*[.!?]\\s*$)",
    )),
    # A petition's addressee over its title, "To:" and a public body, maybe after its place's or its holder's name
    # (probe 51's "Para: Câmara Municipal do Porto", kept there; probe s45's "To: Westmoor Borough Council Highways
    # Committee"): the form's field, no sentence.
    "petition's addressee": (True, (
        "^(para|to|destinatario|destinatarios|dirigida a|dirigido a|addressed to|petition to|peticao para) ?: ?"
        "([^.!?:]{1,40} )?(camara|assembleia|ministerio|ministro|"
        "ministra|presidente|prefeitura|prefeito|prefeita|governo|governador|governadora|secretaria|secretario|council|"
        "borough|county|city|town|district|parliament|minister|mayor|department|government|secretary|senado|senador|"
        "senadora|congresso|deputad[oa]s?|members|house|prime|primeiro-ministro|primeira-ministra|junta|conselho|"
        "tribunal|board|committee|comissao|reitor|reitoria|diretor|diretora|director|ceo)\\b[^.!?]{0,80}$",
    )),
    # A press release's embargo line (probe s45): "Embargoed until 00:01 GMT Wednesday 9 December 2026", "Sob embargo
    # até 9/12, 00h01", "Embargo: ...": when it may be published, no news ("Embargo on oil lifted in 2024" is).
    "press release's embargo": (True, (
        "^(embargoed|embargo|embargado|embargada|sob embargo|under embargo)( (until|till|ate|for release|ate as)| ?:)"
        "[^.!?]{0,60}\\d",
    )),
    # A warning's or a disruption's list of the places or lines it touches, label first (probe 51's "Municípios:
    # Blumenau, Brusque, ...", kept there; probe s45's "Affected lines: West Coast Main Line, Cumbrian Coast"): a field,
    # whose list runs without a sentence's end.
    "affected areas": (True, (
        "^(affected|linhas|areas|regioes|estacoes)( (lines|routes|services|areas|stations|roads|regions|counties|"
        "districts|afetadas|abrangidas))? ?: ?[^.!?]{1,300}$",
        "^(municipios|concelhos|distritos|freguesias|localidades)( (afetados|afetadas|abrangidos|abrangidas|em alerta|"
        "em aviso|sob aviso|sob alerta|atingidos|atingidas))? ?: ?[^.!?]{1,300}$",
    )),
    # A visit's opening hours and ticket prices, label first (probe s45's museum records: "Horário: terça a sábado,
    # 10h00–18h00", "Bilhete normal: 5 € · ..."; a library's "Horário de atendimento: ..." was chrome in earlier
    # truths): a listing's fields, asked with a time or a price in them and no sentence's stop (a restaurant's "Horário: de
    # terça a domingo, das 12h00 às 15h00 e das 19h00 às 23h00." is its page's text in probe 17's truth, a story's
    # "Horários: quatro comboios por dia ..., o primeiro às 6h40." in probe md's).
    "opening hours or prices": (True, (
        "^(horario|horarios|opening|hours|aberto|abertura)( [^:]{1,25})? ?: [^!?]{0,120}?\\d{1,2}(:\\d{2}|h\\d{0,2}\\b| ?[ap]\\.?m\\b)"
        "(?!.*[.!?]\\s*$)",
        "^(bilhete|bilhetes|ingresso|ingressos|entrada|entradas|admission|tickets?)( [^:]{1,20})? ?: [^!?]{0,120}?"
        "(\\d ?(€|eur\\b|euros|reais)|(r\\$|€|£|\\$) ?\\d|gratis|gratuit[oa]|free\\b)(?!.*[.!?]\\s*$)",
    )),
    # An editor's note on the text itself, opening its line (seed-shaped probe 43's PDF, probe 51's): "Nota do editor:
    # esta versão foi corrigida em ...", "Editor's note: This story was updated to ...". What it says is about the
    # page, however long (WHOLE_SEGMENT_KINDS); a story's "the editor's note said" does not open the line.
    "editor's note": (True, (
        "^(nota do editor|nota da editora|nota dos editores|nota da redacao|nota de redacao) ?:",
        "^(editor|editors)['’]?s? note ?:",
    )),
    "correction prompt": (True, (
        "^(encontrou|encontraste|viu|achou|notou|found|spotted|noticed|see) (um|uma|algum|alguma|an?|any) "
        "(erro|error|mistake|typo|gralha)( (nesta|neste|na|no|on this|in this) (pagina|texto|materia|noticia|artigo|page|"
        "article|story))? ?\\?",
    )),
    # A sponsor's label over its ad (it heads that paragraph: HEADED_SECTIONS), or opening it: "Sponsored",
    # "Conteúdo patrocinado: ...", "Paid partnership: ...". ("Publicidade" and "Advertisement" alone mark an ad slot
    # that the story continues under; "Sponsored by ..." credits a funder.)
    "sponsored content": (True, (
        "^(sponsored|sponsored content|sponsored post|sponsored links?|patrocinado|conteudo patrocinado|conteudo pago|"
        "publieditorial|advertorial|informe publicitario|paid content|paid post|paid partnership)"
        " ?(:|$)",
    )),
    # Who wrote a column, under it: "Daniel Okafor is a columnist for the Courier", "Ana Lima é jornalista e escreve
    # sobre ...". Only a line that opens with a name and lies in the page's lower half (see _is_author_note), and
    # only the roles of writing for the page: a story's "Pedro Alves é repórter da TV Sul e foi agredido" or
    # "Mariana Lopes é escritora e vive em Lisboa" stays.
    "author note": (False, (
        "(is|e) (a |an |um |uma |o |a )?([a-z-]+ ){0,2}(columnist|colunista|cronista|writer|contributor|colaboradora?|"
        "correspondent|correspondente|blogger|blogueira?) (for|at|of|with|on|do|da|de|dos|das|no|na|em)",
        # ... or the paper's own role, named by its title: "Tom Hale is the Northern Courier's environment
        # correspondent."
        "is (the|our) ([a-z-]+ ){0,3}[a-z-]+['’]s ([a-z-]+ ){0,2}(columnist|writer|correspondent)\\b",
        "(writes|escreve) (about|on|for|sobre|para)",
        # ... in the first person, as the box under a post says it ("I write about hiring and onboarding").
        "(i write|escrevo) (about|on|sobre)",
        # ... or the beat a reporter covers, two topics or more: "Jane Doe covers energy and climate for Legal Weekly".
        "(covers|cobre) ([^\\W\\d_]+,? ){1,4}(and|e) [^\\W\\d_]+",
    )),
    # A listing's or product's reference code: "Código do imóvel: LC-48213", "SKU: 4411"; a shop's specification row
    # that is its identifier, not a fact of the product (probe 48): "Product code: HQ-170-SG", "EAN: 7891234567895".
    "reference code": (False, (
        r"^(codigo|cod|ref|referencia|reference|sku|ean|gtin|upc|mpn|product code|item code|product number|item number)"
        r"( (do|da|de|of the|of) [^\W\d_]+)? ?[:#.]? ?[a-z]*(-[a-z]+)*-?\d[\w-]*$",
        # An administrative notice's number alone on its line, its reference over its title (probe 40): "Edital n.º
        # 412/2026", "Aviso n.º 15432/2026", "Despacho n.º 88/2026"; a law's number heads its text, and is not here.
        r"^(edital|aviso|despacho|circular|oficio|deliberacao|anuncio|comunicado|convocatoria|informacao interna|"
        r"ordem de servico)( municipal)? n[oº.]* ?\d{1,6}/(19|20)?\d\d$",
        # A letter's references, ours and the addressee's, under its letterhead: "Our ref: PS/PCN/2025/0412", "Your
        # ref: Appeal received 3 March", "N/Ref.ª: GMM/2025/214", "V/ Ref.ª: Of. 118/DMM/2025", "Sua referência: ...".
        r"(our|your|n|v|nossa|sua|vossa)( ?/ ?| )(ref)\.?ª? ?:",
        # A Brazilian public file's number, as a document's reference line gives it (NUP: "Referência: Processo nº
        # 12345.678901/2024-00 SEI nº 4455667").
        r"processo( sei| administrativo)? n[oº.]* ?\d{5}\.\d{6}/\d{4}-\d{2}",
    )),
    # A classified site's box of safety tips, under its heading (see HEADED_SECTIONS).
    "safety tips": (False, (
        "^(dicas de seguranca|safety tips|security tips|stay safe)( online| na compra)? ?:?$",
    )),
    # The box about who wrote the page, opened by its label ("Sobre a autora",
    # "**Sobre mim:** Olá! Sou a Rita..."), not prose about an author ("Sobre o autor dos disparos, ...").
    "author bio": (True, (
        r"^(sobre|about)( o| a| the)? (autor|autora|author|writer|mim|me)( [^\W\d_]+){0,2} ?(:|$)",
        # ... or about a show's host, the same box on every episode (probe 40): "Sobre a apresentadora", "About the host".
        r"^(sobre|about)( o| a| the)? (apresentador|apresentadora|locutor|locutora|host|presenter)( [^\W\d_]+){0,2} ?(:|$)",
        # ... or its greeting (probe 33): "Hi, I'm Jenna!", "Olá, eu sou a Rita!"; and its link ("Learn more about me").
        r"^(hi|hello|hey|ola|oi),? (i['’]m|i am|eu sou|sou)( a| o)? [^\W\d_]+( [^\W\d_]+)?[!.]?$",
        # ... or a blog platform's profile box heading (probe 34): "Quem sou eu", "About me" alone.
        r"^(quem) sou eu$", r"^(about) me$",
        "(learn|read|find out) more about me", "(saiba|leia|conheca) mais sobre mim",
    )),
    # A charity's donation form and a rescue's call to adopt (probe 41): "Gift Aid it: add 25% to your donation at no
    # extra cost to you.", the taxpayer's declaration under it, "Your payment is processed securely by Stripe.",
    # "Donate securely"; found on probe 39's adoption profile: "Could you give Bramble a home?". A story's sentence
    # about Gift Aid says what it is, not "Gift Aid it".
    "appeal or donation form": (True, (
        "^(gift aid) it", "add 25% to your (donation|gift)", "^(i am a uk taxpayer)",
        "(payment|donation|card details) (is|are) (processed|handled|taken) securely",
        # ... in Portuguese (probe s50): "Sua doação é processada com segurança e você recebe o recibo por e-mail."
        "(doacao|pagamento|contribuicao) (e|sera) (processad[oa]|feit[oa]|tratad[oa]) (com seguranca|de forma segura)",
        # A show's or a site's appeal for support, the same under every episode (probe s50 decided it chrome, as
        # unseen's "Apoie ... no Apoia.se" is): the call to back the show with where to ("considere contribuir com
        # qualquer valor no nosso financiamento coletivo"), or how the show lives ("vive do apoio dos ouvintes"). A
        # story's "o governo considere apoiar os agricultores" names no show and no fund.
        "considere (apoiar|contribuir|doar)[^.!?]{0,60}(financiamento coletivo|vaquinha|o (podcast|programa|canal|"
        "projeto|blog|site))",
        "consider (supporting|backing|donating to|contributing to) (us|the (show|podcast|channel|project)|our work|"
        "this (show|podcast|channel|project))",
        "(vive|depende|sobrevive) (do|de|com o) apoio (de|dos|das) (nossos |nossas )?(ouvintes|leitores|leitoras|"
        "apoiadores|apoiantes)",
        "^(donate) (now|securely|today|online|monthly)$",
        "^(could) you (give|offer) [^\\W\\d_]+( [^\\W\\d_]+)? a( loving| forever| new| safe)? home\\?$",
    )),
    # A booking site's widgets around a room's offer (probe 41): "Only 2 rooms left at this price on our site!", "You
    # won't be charged yet", a room's line with how many it sleeps ("Double room · Sleeps 2 · ... · £148 per night"),
    # the reviews' heading "What guests loved the most".
    "booking widget": (True, (
        "^(only) \\d+ (rooms?|seats?|tickets?|places?|spaces?|beds?|pitches) left",
        "^(you) (won't|won’t|will not) be charged (yet|now|today)", "(sleeps) \\d+ ·",
        "^(what) guests (loved|liked|say|said)( the)?( most)?$",
    )),
    # A consultation's or survey's closing notice (probe 41's gov.uk page): "This consultation closes at 11:59pm on 28
    # January 2027"; a petition's tally, its count opening the line (found blind in probe 41): "4,812 have signed.
    # Let's get to 5,000!" (a story's sentence does not open with a figure: "More than 4,800 people have signed").
    "consultation or petition status": (True, (
        "^(this) (consultation|survey|call for evidence|petition) (closes|closed|ends|ended|will close) (at|on)",
        "^\\d[\\d.,]* (people )?(have) signed",
        # Who started a petition, and when, under its text (probe 51's and probe s45's petitions, the blind one's
        # "Criado por Associação de Moradores do ... em 4 de outubro de 2026"): the form's field. The date closes the
        # line, or the petition is named ("Petition started by Ruth Okafor"); a story's "Criado por um grupo de pais em
        # 2019, o projeto ..." goes on past it.
        rf"^(criad[oa]|iniciad[oa]|lancad[oa]|started|created|launched) (por|by) [^.!?]{{1,80}} (em|on|a) "
        rf"(?:{_DATED}|\\d{{1,2}}/\\d{{1,2}}/\\d{{2,4}})$",
        "^(abaixo-assinado|peticao|petition|this petition|este abaixo-assinado|esta peticao) (criad[oa]|iniciad[oa]|"
        "lancad[oa]|started|created|launched) (por|by) [^.!?]{1,80}$",
    )),
    # A picture's caption ending in its credit ("... Graça. Foto: Rita Figueiredo", "— Foto: Reprodução/Instagram"): its
    # label opens the line or follows a stop or a dash; after a word it names a thing ("cartão de crédito: estorno em
    # até 2 faturas;", a list's item, probe 30).
    "image or caption": (True, (
        r"(?:^|(?<=[.!?—–|·-] ))(foto|fotos|fotografia|photo|photos|photograph|imagem|image|credito|credit): ?"
        r"[^.!?]{1,60}$",
        # ... or between brackets closing it (found blind in probe 34): "Piscina municipal de Fafe (Foto: CM Fafe)".
        r"(foto|fotos|fotografia|photo|photos|photograph|imagem|image|credito|credit): ?[^.!?()]{1,60}\)$",
        # A news agency's gallery caption (found blind in probe 21): "Item 1 of 2 A container ship ... REUTERS/<name>/File
        # Photo Purchase Licensing Rights".
        r"^(item|imagem|foto) \d+ (of|de) \d+ ", r"purchase licensing rights", r"(file) photo purchase",
        # A post's cover, its alternative text over the title (seed-shaped probe 44's DEV Community): "Cover image for
        # The pull requests nobody asked for".
        r"^(cover image|imagem de capa|imagem da capa) (for|of|de|da|do) ",
    )),
}
# A wire story's slug, its topic's codes in capitals joined by hyphens and a slash, and its version (probe 50):
# "UKRAINE-GRAIN/EXPORTS (UPDATE 1)", "USA-FED/RATES"; folded, so the capitals are not asked.
_WIRE_CODES = r"^[a-z]{2,}(?:-[a-z0-9]{1,})*"
_WIRE_VERSION = r"\((?:update|refile|corrected|atualiza|corrige)(?: \d{1,2})?\)"
# Cues that start with a symbol, found by a substring test.
SYMBOL_CUES: tuple[tuple[str, str, str], ...] = (
    ("agency credits", "/", rf"{_WIRE_CODES}-[a-z0-9]{{1,}}/[a-z0-9]{{2,}}(?:-[a-z0-9]{{1,}})*(?: {_WIRE_VERSION})?$"),
    # ... without a slash, its version names it a slug: "BRAZIL-ECONOMY (UPDATE 2)".
    ("agency credits", ")", rf"{_WIRE_CODES}-[a-z0-9]{{1,}} {_WIRE_VERSION}$"),
    # A wire story's update note, alone in brackets between its paragraphs: "(Adds trader comment, detail on ports in
    # paragraphs 3-5)", "(Atualiza com nível do rio)"; its verb says what the update did.
    ("agency credits", "(", r"^\((?:adds|updates|recasts|rewrites|corrects|changes|fixes|acrescenta|adiciona|atualiza|"
                            r"corrige|reescreve|muda|inclui) [^()]{1,120}\)$"),
    ("copyright notice", "©", "©"),
    ("copyright notice", "(c)", r"\(c\) ?(19|20)\d\d"),
    # A reference list's back-link ("↑ Lorenzi, H. Árvores brasileiras...").
    ("reference list", "↑", r"^\W*↑"),
    # A wiki's reference entry ("^ Rowlett, Russ. ...").
    ("reference list", "^", r"^\^\s"),
    # A messenger's view count, with the hour (and "edited") after it: "👁 6,1 mil editado 06:12", "👁️ 2.4K 06:30".
    # A link aggregator's item, its vote arrow and its site's domain closing the title (found blind in seed-shaped probe
    # 43's Hacker News copy): "▲ Rotterdam lets AI dispatch the tugboats (portofrotterdam.com)".
    ("navigation", "▲", r"^▲ [^()]{1,150} \((?:[\w-]+\.)+[a-z]{2,}\)$"),
    ("engagement count", "👁", r"^👁\ufe0f?\s*\d[\d.,]*(?: ?(?:k|m|mi|mil))?(?: (?:editad[oa]|edited))?(?: \d{1,2}:\d\d)?$"),
    # A star rating ("★★★★☆ 4.2 (1,876)"); stars over a title of words alone are a review's, its writer's words
    # ("★★★★★ Perfect for green tea", probe 31), but for a byline's "by".
    # ... with its clauses between commas ("★★★★☆ Café encorpado, mas demora no elétrico", probe 32).
    ("engagement count", "★", r"[★☆]{3,}(?![★☆])(?!\s*(?!(?:by|por|de)\b)[^\W\d_]+(?:[,;]? [^\W\d_]+)+\s*$)"),
    # A group's size closing its header after a separator (probe s45's Facebook group): "Moradores do Bairro X · Grupo
    # Público · 12,4 mil membros" (a story's "... perdeu 3 mil membros" has no separator before the count).
    ("engagement count", "·", r"· \d[\d.,]*(?: ?(?:k|m|mi|mil))? (?:members|membros)$"),
    # A commenter's handle opening a line ("@lucianaf há 8 meses").
    ("byline or credit", "@", r"^@[\w.-]+"),
    # A name and the story's stamp after a bar or a dot: "Sofia Marques | 14 set 2025, 19:05".
    # ... or its day and month alone, as a list of posts gives them ("Luiza Andrade · 26 de fev.").
    # ... with an initial, a word of what they did before the date, in italics: "Marta C. · Comeu a 8 de março de
    # 2025", "*Crítica de Inês Nadais · 12 de março de 2025*".
    # ... the name in bold and the hour after "às" or "at", a comment's (probe 32): "**Fernanda R.** · 29 de novembro de
    # 2026 às 10:12" (the batch's screen reads the line unfolded: "às" as it is).
    *(("byline or credit", bar, rf"^[*_]*[^\W\d_]+(?: [^\W\d_]+\.?){{1,3}}[*_]* ?[|·] ?(?:[^\W\d_]+ ){{0,2}}"
                                rf"(?:{STAMP}|{DAY_MONTH})(?:,? (?:as|às|at) \d{{1,2}}[:h]\d\d)?[*_]*$") for bar in "|·"),
    # ... or a social post's author card, a role between the name and the post's time, a dot closing it (probe s45's
    # Facebook group post, "Cláudia Reis · Administradora · 2 de dezembro às 18:40 ·", its blind English one, "Helen
    # Price · Admin · December 3 at 7:15 PM ·"): the time is a day and month, its hour after "às"/"at" (the batch's
    # screen reads the line unfolded), or a count of hours or days ("· 3 d ·"; no minutes, a story's reading time as
    # often: "Listen to this article · 6 min").
    ("byline or credit", "·", rf"^[^\W\d_]+(?: [^\W\d_]+\.?){{1,3}} · (?:[^\W\d_]+(?: [^\W\d_]+){{0,2}} · )?"
                              rf"(?:{DAY_MONTH}(?: de \d{{4}})?|{MONTH}\.? \d{{1,2}}(?:,? \d{{4}})?|hoje|ontem|today|"
                              rf"yesterday|\d{{1,2}} ?(?:h|d|sem|w|hrs?))(?:,? (?:as|às|at) {_CLOCK_TIME})?(?: ·)?$"),
    # A file's size in brackets closing a line: a version's or attachment's link ("[v2] Tue, 11 Mar 2025 (8,420 KB)").
    ("button or link label", "b)", r"\(\d[\d.,]* ?[kmg]b\)$"),
    # A place's rank on a review site (found blind in probe 17): "#2 of 138 things to do in Bath", "#4 de 310 restaurantes".
    ("engagement count", "#", r"^#\d[\d.,]* (of|de) \d[\d.,]* "),
    # ... and an app's in its store's category (cleaning46's blind App Store listing): "#14 in Weather", "N.º 3 em Clima".
    ("engagement count", "#", r"^#\d[\d.,]* (in|em|na|no) [^\W\d_][^\W\d_ &]*(?: [^\W\d_&]+){0,2}$"),
    # A drop-down's arrow closing a line: "Season 2 ▾", "Mais recentes ▼".
    ("button or link label", "▾", r"▾\s*$"),
    ("button or link label", "▼", r"▼\s*$"),
    # A pager's arrows around its links: "« Anterior: Câmara aprova orçamento", "Next story ›" (a weak cue: "«Anterior»"
    # may open a quoted word in a sentence).
    ("button or link label", "«", r"^«\s*(anterior|previous|prev|older)(?![^\W_])"),
    ("button or link label", "‹", r"^‹\s*(anterior|previous|prev|older)(?![^\W_])"),
    ("button or link label", "»", r"(?<![^\W_])(pr[oó]xim[oa]|next|newer|seguinte)( [^\W\d_]+){0,3}\s*»$"),
    ("button or link label", "›", r"(?<![^\W_])(pr[oó]xim[oa]|next|newer|seguinte)( [^\W\d_]+){0,3}\s*›$"),
    # ... and a platform's pager, the next or last activity's title after or before a pointer (probe 25's Moodle page):
    # "◄ Aula 11: Membrana celular", "Aula 13: Respiração aeróbia ►".
    ("button or link label", "◄", r"^◄\s*[^\W_]"),
    ("button or link label", "►", r"[^\W_][^\w\s]?\s*►$"),
    # A Markdown image on its own line.
    ("image or caption", "![", r"^!\[[^\]]*\]\([^)]*\)$"),
    # A photo's caption closed by its credit after a dash, photographer and agency (probe 21): "Candidatos fazem prova
    # ... - Rubens Cavallari/Folhapress", "... — Foto: Ana Lima/Agência Brasil"; a town's state after its slash is
    # two letters ("— Campo Alegre/SC" closing an address).
    ("image or caption", "/", r"\s[-–—]\s(?:foto: )?[^\W\d_]+(?: [^\W\d_]+){1,3}/[^\W\d_]{3,}(?:[ /][^\W\d_]+){0,2}$"),
    # A shop's price with the old price and what is saved (probe 28): "£89.99 £119.99 Save £30.00", "€ 49,90 € 59,90
    # Poupe € 10,00".
    *(("price or payment", symbol, rf"^{re.escape(symbol)} ?\d[\d.,]*(?: {re.escape(symbol)} ?\d[\d.,]*)? "
                                   rf"(?:save|you save|poupe|poupa|economize) {re.escape(symbol)} ?\d") for symbol in "£€$"),
    # ... or what each instalment costs (probe 31): "Or 3 interest-free payments of £16.66 with Klarna", "4 monthly
    # instalments of €12,50".
    # An amount paid in instalments in a sentence ("paid in 3 payments of £16,000") has no "or" before it, nor terms.
    *(("price or payment", symbol, rf"(?:^(?:or|ou) \d{{1,2}} |\b\d{{1,2}} (?:interest-free|monthly|weekly|sem juros) )"
                                   rf"(?:payments|instal?ments|presta[cç][oõ]es|parcelas) (?:of|de) {re.escape(symbol)} ?\d")
      for symbol in "£€$"),
    # A box office's lowest price alone on its line (found blind in probe 38): "Ingressos a partir de R$ 40,00", "A partir
    # de 18,00 €", "Tickets from £12".
    *(("price or payment", symbol, rf"^(?:(?:ingressos|bilhetes|entradas|tickets|pre[cç]os|prices) )?(?:a partir de|desde|"
                                   rf"from) (?:{re.escape(symbol)} ?\d[\d.,]*|\d[\d.,]* ?{re.escape(symbol)})$")
      for symbol in ("r$", "£", "€", "$")),
    # A shop's price and payment lines ("ou 10x de R$ 27,99 sem juros", "R$ 279,90 à vista no Pix").
    ("price or payment", "r$", r"\b\d{1,2}x (de |sem juros )?r\$ ?\d|r\$ ?\d[\d.,]* ([aà] vista|no pix|no boleto)|\b(em|ou) (at[eé] )?\d{1,2}x\b"),
    # A donation form's amount and what it pays for (probe 41): "£25 could pay for a nurse to spend an hour with a
    # patient at home."; a story's "a fee of £25 could pay ..." does not open with the amount.
    *(("appeal or donation form", symbol, rf"^{re.escape(symbol)} ?\d[\d.,]* (?:could|can|will) (?:pay|buy|fund|provide|"
                                          rf"cover|help)") for symbol in "£€$"),
    # A line of two hashtags or more alone, however many ("#Nvidia #IA #BTC #Chips"; "#Introdução" alone may be a
    # Markdown heading without its space); a crypto feed's cashtags among them after the first ("#Ethereum #IA $ETH
    # $SOL", probe 51): a ticker's letters after "$", no amount.
    ("hashtags", "#", r"^#\d*[^\W\d_][\w-]*(?:[\s,;|·•/]+(?:#\d*[^\W\d_][\w-]*|\$[^\W\d_]{2,6}(?![\w-])))+[\s,;|·•/]*$"),
    # A chat's note that a member came or went, its channel named by its mark (seed-shaped probe 42's Slack copy):
    # "Rafael Antunes entrou em #mercado-financeiro.", "Sam joined #general.", "ana left #chips".
    ("feed header", "#", r"(?<![^\W_])(?:entrou|saiu|joined|left|has joined|has left)(?: (?:em|no|na|do|da|de|o|a|"
                         r"the|to|from))?(?: (?:canal|channel))? #[^\W_][\w-]*\.?$"),
    # A forum's byline naming its user, a short line ("Crossposted to r/investing by u/ana_k • 3h").
    ("byline or credit", "u/", r"^[^.!?]{0,60}(?<![^\W_])(?:by|por) u/[\w-]+[^.!?]{0,40}$"),
    # A post's hour and date after a dot ("9:14 PM · Nov 28, 2026 · 48.2K Views", "21:40 · 3 de dezembro de 2026").
    ("byline or credit", "·", rf"^\d{{1,2}}[:h]\d\d(?: ?[ap]\.? ?m\.?)? ?· ?(?:\d{{1,2}}(?: de)? {MONTH}|{MONTH}\.? \d{{1,2}})"
                              r"(?![^\W_])"),
    # A review's reviewer, their country and when they stayed, one line under the review (found blind in probe 36):
    # "Helen, United Kingdom · Stayed in October 2026", "Marta, Portugal · Estadia em outubro de 2026".
    ("byline or credit", "·", rf"^[^.!?·]{{1,50}} · (?:stayed|travell?ed|visited|estadia|hospedou-se|hospedad[oa]|"
                              rf"ficou|esteve) (?:in |em |on )?{MONTH}\.?(?: de)? \d{{4}}$"),
    # A listing's place and its posting time by a relative day, set apart (probe 42): "Braga, São Vicente · Publicado
    # hoje às 11:42".
    ("byline or credit", "·", f" · {RELATIVE_POSTING_TIME}"),
    # A call to post under a hashtag ("Send us your messages using #CityMarathon").
    ("share prompt", "#", r"(using|use|with|usando|use a|com a|marque) (the |a )?(hashtag )?#[^\W_]"),
    # An e-mail address: with a call for contact, a newsroom's or press office's footer.
    ("contact prompt", "@", r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    # A bulletin's issue closing the line, after its parish's or association's name (probe s47): "Paróquia de São
    # Vicente de Fora · Boletim n.º 412" (BYLINE's "Boletim n.º 1123 · 30 de novembro" has it first); its kind maybe
    # said by a word before or after (s47-cleaning2): "Weekly Bulletin No. 1187", "Boletim Paroquial n.º 233",
    # "Members' Newsletter No. 58", "Informativo n.º 74".
    *(("byline or credit", bar, rf"{re.escape(bar)} ([\w'’]+ )?(boletim|bulletin|newsletter|informativo)( [\w'’]+)? "
                                r"(n[o.º]* ?)?#?\d+$")
      for bar in "·|•"),
    # ... or a news sheet's, its issue marked as one (s48-cleaning: "St Mary's, Thame · Parish News No. 412"; "· Sky
    # News 24" names no issue).
    *(("byline or credit", bar, rf"{re.escape(bar)} ([\w'’]+ )?(news|noticias|folha)( [\w'’]+)? (no\.?|n\.?[oº]\.?|#) ?\d+$")
      for bar in "·|•"),
    # A listing's reference code set apart from when it was listed (s47-cleaning2): "Property reference: NL-3387 ·
    # Added on 2 December 2026", "Referência do imóvel: CM-7781 · Publicado em 2 de dezembro de 2026".
    ("byline or credit", "·", r"^(property |listing |ad )?(reference|ref\.?|referencia)( (do|da) (imovel|anuncio))?"
                              r"( n[o.º]*)?:? [\w-]*\d[\w-]* · "),
    # ... or its id or number after the listing's kind (s48-cleaning; s47-cleaning2's blind): "Ad ID 772104 · Posted 2
    # December 2026", "Listing ID 44821 · Added ...", "Anúncio n.º 88231045 · Publicado a ..."; or any record's kind by
    # its shape (s48-cleaning2; s48-cleaning's blind "Evento n.º 2291 · Atualizado a 1 de dezembro de 2026"): a kind's
    # word and its number, set apart from when it was posted or updated, a date, a time or how long ago, after at most
    # two words ("Event No. 1042 · Updated 2 December 2026", "Ticket #4410 · Updated on December 2, 2026"). A number
    # alone after the dot ("Sala n.º 2 · 40 lugares") dates nothing. One cue, so a listing's line gives one reason.
    ("byline or credit", "·", r"^(?:(ad|advert|listing|anuncio|imovel|oferta|vaga|job) (id|no\.?|n\.?[oº]\.?|#|ref\.?)"
                              r":? ?#?[\w-]*\d[\w-]* · "
                              rf"|[^\W\d_]+ (no\.|n\.?[oº]\.?|#) ?\d+ · ([^\W\d_]+ ){{0,2}}(?:{DAY_MONTH}|{MONTH}\.? \d{{1,2}}"
                              r"|\d{1,2}[:h]\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d+ (?:dias?|horas?|semanas?|days?|hours?|weeks?)))"),
    # A social network's profile line, a name and how far its member is from the reader ("Priya Raman • 2nd",
    # "Ana Lima • 3º+"): it heads the member's headline (PARAGRAPH_SECTIONS).
    *(("profile card", bar, rf"{bar} (1st|2nd|3rd\+?|[123][oº]\+?)$") for bar in "•·"),
    # A comment form's fields, each marked required ("Name * Email * Website").
    ("account notice", "*", r"^[\w-]+(?: [\w-]+)? ?\*(?: [\w-]+(?: [\w-]+)? ?\*)+(?: [\w-]+)?$"),
)
STRONG_KINDS = frozenset(kind for kind, (strong, _phrases) in CUES.items() if strong) | {"copyright notice", "reference list"}
_WORD_END = r"(?![^\W_])"


# A cue as its kind and its regex's source: the cues are compiled a group at a time, the first time a text holds the
# group's screen word or start word (_screen_word_cues, _start_word_cues). Compiling all 1,028 at import cost every
# command that preloads about 0.1 s, and a preload asks few of them: 31 on the seed, 363 on 1 MB of bench pages, 677
# on 10 MB.
Cue = tuple[str, str]
CompiledCue = tuple[str, re.Pattern[str]]


def _cue_sources() -> tuple[list[Cue], list[Cue]]:
    """``(kind, pattern)`` of the cues found anywhere, and of those found at the start."""
    anywhere: list[Cue] = []
    at_start: list[Cue] = []
    for kind, (_strong, phrases) in CUES.items():
        for phrase in phrases:
            if phrase.startswith("^"):
                at_start.append((kind, phrase))
            elif re.match(r"[a-z0-9(]|\\d", phrase):
                # The word boundary before a match is checked on the (rare) matches.
                anywhere.append((kind, phrase + _WORD_END))
            else:
                raise ValueError(f"cue {phrase!r} must start with a word or a group of words")
    return anywhere, at_start


def _compiled(cues: Iterable[Cue]) -> tuple[CompiledCue, ...]:
    return tuple((kind, _cue_regex(pattern)) for kind, pattern in cues)


@cache  # a phrase with several screen words is in each one's group: compiled once all the same
def _cue_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_CUES_ANYWHERE, _CUES_AT_START = _cue_sources()
_FIRST_WORD = re.compile(r"[^\W_]+")
# A photo's caption closed by its photographer's name in capitals, no stop (found blind in probe 21): "Prédio devoluto
# na Rua da Sofia ... pela câmara ADRIANO MIRANDA"; one acronym ("... pela CGTP") is no name.
_CAPITALS_CREDIT = re.compile(r"(?<=[a-zà-ÿ] )(?:[A-ZÀ-Þ][A-ZÀ-Þ'-]+ ){1,2}[A-ZÀ-Þ][A-ZÀ-Þ'-]+$")
_LEADING_MARKUP = re.compile(r"[*_\[(>#]*")
_SYMBOL_CUES = [(kind, literal, re.compile(pattern)) for kind, literal, pattern in SYMBOL_CUES]


def _last_mark(literal: str) -> str:
    """A symbol cue's literal's last character that is no letter or digit: "©", the ")" of "(c)", the "/" of "u/"."""
    return [character for character in literal if not character.isalnum()][-1]


# The symbol cues by their literal's last mark: a text holds a cue's literal only if it holds that mark, so one
# search for the marks (most paragraphs have none, most others one or two) tells which cues to look for, instead of
# a look for each cue's literal.
_SYMBOL_CUES_BY_MARK: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
for _cue in _SYMBOL_CUES:
    _SYMBOL_CUES_BY_MARK.setdefault(_last_mark(_cue[1]), []).append(_cue)
_SYMBOL_MARKS = tuple(sorted(_SYMBOL_CUES_BY_MARK))


def _symbol_marks_in(folded: str) -> list[str]:
    """The symbol cues' marks ``folded`` holds. A look for each mark ("in": a fast scan) costs a twentieth of one
    search for the class of them all, which tests each character in turn (0.08 s per 10 MB of the preload's
    pages, where nearly every line is asked)."""
    return [mark for mark in _SYMBOL_MARKS if mark in folded]


_SORT_CONTROL = re.compile(SORT_CONTROL)
# A wiki talk page's bar under a section's heading, over its signed comments (probe 51's "Latest comment: 3 days ago · 2
# comments · 2 people in discussion"): it works on the section, as a sort control does.
_DISCUSSION_BAR = re.compile(r"(?:latest comment|last comment|ultimo comentario|comentario mais recente) ?:")
# A wiki's signature closing a comment, its time, date and zone in brackets ("Wayfarer21 (talk) 10:02, 28 November
# 2026 (UTC)"): the comment's end, as a sentence's stop is a paragraph's.
_SIGNED_STAMP = re.compile(r"\d{1,2}:\d\d, \d{1,2} (?:de )?[^\W\d_]+\.? (?:de )?\d{4} \((?:UTC|CET|CEST|WET|WEST|BRT|GMT)\)$")


def ends_as_prose(text: str) -> bool:
    """Whether a paragraph ends as prose does: in a sentence's stop, or in a wiki signature's stamp (``_SIGNED_STAMP``,
    told first by its closing bracket)."""
    stripped = text.rstrip()
    return SENTENCE_PUNCTUATION.search(stripped) is not None or (
        stripped[-1:] == ")" and _SIGNED_STAMP.search(stripped) is not None)


def _screen_words_in(tokens: Sequence[str], folded: str) -> frozenset[str]:
    """The cue screen words among a text's words, a hyphenated word's pieces counted too ("e-mail", "bem-vindo")."""
    found = _CUE_SCREEN_WORDS.intersection(tokens)
    if "-" in folded:
        found |= _CUE_SCREEN_WORDS.intersection("-".join(token for token in tokens if "-" in token).split("-"))
    return found


def _may_end_in_capitals(text: str) -> bool:
    """Whether ``_CAPITALS_CREDIT`` may match: the text ends in a capital, an apostrophe or a hyphen (or a newline,
    before which its ``$`` matches too). The test spares the other lines its search from every position."""
    last = text[-1:]
    return last.isupper() or last in "'-\u00d7\n"


def find_cues(folded: str, tokens: Sequence[str], original: str = "") -> dict[str, list[str]]:
    """Cue phrases found in a folded text, by kind of chrome; quoted from
    ``original`` when folding kept its length (it nearly always does)."""
    quote = original if len(original) == len(folded) else folded
    found: dict[str, set[str]] = {}

    def add(kind: str, match: re.Match[str]) -> None:
        found.setdefault(kind, set()).add(quote[match.start() : match.end()].strip())

    # A phrase is tried only when the text holds its screen word (an uncommon
    # word every match contains; hyphenated words count by their pieces).
    for word in _screen_words_in(tokens, folded):
        for kind, pattern in _screen_word_cues(word):
            for match in pattern.finditer(folded):
                if match.start() == 0 or not folded[match.start() - 1].isalnum():
                    add(kind, match)
    for kind, phrase in _cues_at_start(folded, original):
        found.setdefault(kind, set()).add(phrase)
    for mark in _symbol_marks_in(folded):
        for kind, literal, pattern in _SYMBOL_CUES_BY_MARK[mark]:
            if literal in folded and (match := pattern.search(folded)):
                add(kind, match)
    if quote is original and _may_end_in_capitals(original) and (match := _CAPITALS_CREDIT.search(original)):
        found.setdefault("image or caption", set()).add(match.group().strip())
    # Kinds in a fixed order: the screen words above are a set, whose order
    # changes with the interpreter's hash seed, and the reasons must not.
    return {kind: sorted(found[kind]) for kind in sorted(found)}


def _cues_at_start(folded: str, original: str = "") -> list[tuple[str, str]]:
    """The cue phrases a folded text opens with (``find_cues``), as ``(kind, phrase)``: its at-start cues, and a
    read-also list's "Mais de <name>"."""
    quote = original if len(original) == len(folded) else folded
    found = []
    # At-start cues look past the markup a scraped line may open with
    # ("*Publicado em ...*", "[Leia mais](...)").
    lead = _LEADING_MARKUP.match(folded).end()  # type: ignore[union-attr]
    rest = folded[lead:] if lead else folded
    first_word = _FIRST_WORD.match(rest)
    at_start = _start_word_cues(first_word.group()) if first_word and first_word.group() in _CUES_BY_START_WORD else ()
    if first_word and first_word.group()[0].isdigit():
        at_start = _CUES_AT_DIGIT
    # Bold names inside the line are words as plain ones ("Por **Sofia Medeiros** e **Nuno Tavares**", probe 30).
    bold = "**" in rest
    plain = rest.replace("**", "") if bold else rest
    for kind, pattern in at_start:
        if match := pattern.match(plain):
            found.append((kind, match.group().strip() if bold else quote[lead + match.start() : lead + match.end()].strip()))
    # "Mais de <name> e <publication>" heads a list of posts only with both named, capitalised ("Mais de metade dos
    # alunos e professores" opens a sentence), so it is asked of the original text.
    if rest.startswith("mais d") and quote is original and (match := _MORE_FROM_NAMES.match(original, lead)):
        found.append(("read-also prompt", match.group().strip()))
    if rest.startswith("mais d") and quote is original and (match := _MORE_FROM_NAME.match(original, lead)):
        found.append(("read-also prompt", match.group().strip()))
    return found


def _opens_as_chrome(text: str, position: Position) -> bool:
    """Whether a segment whose first word an at-start cue may open with is a suspect (``chrome_suspects``), read as its
    own decision (``_decide_chrome``) reads it: it opens with a cue phrase (``_cues_at_start``), or the tests its
    decision asks of a line without one (a label or button, a field, a fragment, a menu, details) leave it out. Lines
    of a shape those tests find open with such words ("Horário das missas: ..."; "Download PDF (2 MB)"); its other
    cues are counted as every segment's are."""
    text = without_markdown_escapes(text)
    folded = fold(text)
    if _cues_at_start(folded, text):
        return True
    words = len(folded_words(folded))
    return _label_or_button(text, folded, words, position) is not None \
        or _chrome_without_cues(text, folded, words, position) is not None


_PLAIN_WORD = re.compile(r"[^\W\d_]+")
# A menu line: two or more short items between separators.
_SEPARATOR_MARKS = "|•·∙⋅»›/>"
_SYMBOL_SEPARATOR = re.compile(rf"\s[{_SEPARATOR_MARKS}]\s")
_MENU_SEPARATORS = re.compile(_SYMBOL_SEPARATOR.pattern + r"|\s{2,}|\t")


def has_menu_separator(text: str) -> bool:
    """Whether ``_MENU_SEPARATORS`` finds a separator in ``text``. Its search tries every space; most lines have no
    separator mark, no tab and no whitespace but single spaces (every other whitespace character is unprintable),
    and these need no search."""
    if text.isprintable() and "  " not in text and not any(mark in text for mark in _SEPARATOR_MARKS):
        return False
    return _MENU_SEPARATORS.search(text) is not None


# A menu's item has at most this many words.
MENU_ITEM_WORDS = 3
# A shell command ("curl -fsSL https://get.example.com | sh"), with a URL or
# an option flag: its pipe separates no menu items.
_COMMAND_LINE = re.compile(r"://|(?:^|\s)--?[a-z]")
# A package manager's or tool's command as a docs page writes it outside a code fence ("pip install tidewatch",
# "poetry add cepbr", "npm i left-pad"): a program's name and its verb, a few words without a sentence end that are
# no label.
_TOOL_COMMAND = re.compile(
    r"(?:\$ )?(?:sudo )?(?:pip3?|pipx|uv|poetry|conda|mamba|npm|pnpm|yarn|npx|bun|cargo|go|gem|brew|apt|apt-get|dnf|yum|"
    r"pacman|snap|choco|winget|composer|dotnet|docker|git|helm|kubectl|deno) (?:install|add|get|i|clone|pull|run|init) \S")
# A sentence's end, and the footnote marks an encyclopedia puts after it ("... in the silt.[3]", probe 30).
SENTENCE_PUNCTUATION = re.compile(r"[.!?…:;]['\"”’»)\]]*(?:\[\d{1,3}\])*$")
# Its stops and the closing marks after them, as sets (for a line with no newline at its end).
_SENTENCE_STOPS, _SENTENCE_CLOSERS = frozenset(".!?…:;"), "'\"”’»)]"
_ENDS_WITH_INITIAL = re.compile(r"\s[A-Z]\.$")
# Emoji and the marks that build them: symbols, skin tones, variation selectors, joiners.
_EMOJI_CATEGORIES = frozenset({"So", "Sk", "Mn", "Cf"})


def without_closing_emoji(text: str) -> str:
    """A line without the emoji that close it: "Resta saber se a rede vai aguentar. 🤔" ends its sentence before them."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in _EMOJI_CATEGORIES):
        end -= 1
    return text[:end]
_ENDS_WITH_DAY_MONTH = re.compile(rf"(?<![^\W_]){DAY_MONTH}$")

# Segments of at most this many words are "short": one weak cue is enough,
# and repeated across documents they are page template.
SHORT_WORDS = 15
# A fragment: this many words or fewer without sentence punctuation is a
# button, label or menu item, not something to annotate.
FRAGMENT_WORDS = 3
# A segment of at least this many words ending in sentence punctuation is a
# sentence, which one weak cue ("share", "login") does not make chrome.
SENTENCE_MIN_WORDS = 5
# Distinct cue phrases needed per this many words in a longer segment.
WORDS_PER_CUE = 30
# How many segments from either end of a document count as its edge, where
# headers and footers live.
EDGE_SEGMENTS = 3
# A letterhead fills the first lines of a page: its date comes among them.
LETTERHEAD_SEGMENTS = 2 * EDGE_SEGMENTS
# A page's title stands over at most this many lines of its details (posted, reference, place and pay) before its text.
DETAILS_UNDER_TITLE = 3
# A menu line has at most this many words.
MENU_MAX_WORDS = 40
# A short segment repeated in this many documents, or this many times in all
# (a running page header of a report), is page template.
TEMPLATE_DOCUMENTS = 3
# A comment's author line ("Marina Lopes disse:", "old_timer wrote:") has at
# most this many words; every segment that short is screened (chrome_suspects),
# so the common verbs it ends with need no screen word.
AUTHOR_LINE_WORDS = 2 * FRAGMENT_WORDS
_AUTHOR_LINE = re.compile(r"\b(disse|said|says|wrote|writes|escreveu|comentou|commented|replied|respondeu|asked|perguntou):\W*$")
# ... or a board's quote header, its cue first (s52-cleaning): "Quote from paddler_jo", "Originally posted by Sam",
# "Citação de rui_gaia", "Citando Ana Lima:"; the name after it is asked by _is_author_line.
_QUOTED_AUTHOR = re.compile(r"(?:quote from|quoting|originally posted by|citacao de|citando|mensagem original de) (?=@?[\w.-]+"
                            r"(?: [\w.-]+){0,2}:?$)")
# A chat's message header, its author (a name or handle of up to three words) and its time, copied from Slack or Discord
# (seed-shaped probe 42): "jonas_k — Today at 9:14 AM", "Camila Prado  09:41", "mara.dev — 04/12/2026 09:31"; or a
# thread's "Última resposta hoje às 10:02", "Last reply today at 10:02". The name is set apart from the time by two
# spaces, or by a dash before a day or a date, each of its words opening with a letter or digit: "Sessão das 21:30",
# "Abertura 09:00", "O jogo começa hoje às 21:30", "Benfica - Porto  20:45" or a programme's "Abertura dos portões —
# 18:00" (made a chat's header at first: found at merge, session 41) is a timetable's line.
_CHAT_TIME = r"\d{1,2}:\d\d(?: ?[ap]\.?m\.?)?"
_CHAT_DAY_AND_TIME = (rf"(?:hoje|ontem|today|yesterday)(?: (?:as|a|at))? {_CHAT_TIME}"
                      rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}},? {_CHAT_TIME}")
_CHAT_AUTHOR = r"\w[\w.'-]*(?: \w[\w.'-]*){0,2}"
# When a post went up or was answered, to the line's end: "Respondido há 3 h", "answered 2 days ago (edited)".
_AGO = r"(?:ha (?:\d+|um|uma) ?[a-z]{1,7}\.?|(?:\d+|an?) ?[a-z]{1,7}\.? ago)"
_POSTED_AGO = (rf"(?:respondid[oa]|answered|publicad[oa]|posted|editad[oa]|edited|atualizad[oa]|updated) {_AGO}"
               r"(?: \((?:editado|edited)\))?")
# A post's date, month first or day first ("Dec 4, 2026", "4 dez. 2026"), or how long ago ("2 days ago").
_POST_DATE = rf"(?:{MONTH}\.? \d{{1,2}}(?:,? \d{{4}})?|{STAMP}|\d+ [a-z]{{1,7}} ago)"
# ... or, after a forum's reply line's dot, how long ago in an abbreviated unit ("roberto.bike respondeu · 2 h", "hollyb
# replied · há 3 d"; s51-cleaning2).
_REPLIED_AGO = rf"(?:{_AGO}|(?:ha )?\d{{1,2}} ?(?:h|min|d|sem)\.?)"
_CHAT_HEADER = re.compile(
    rf"(?:(?:ultima|last|latest) (?:resposta|reply) |{_CHAT_AUTHOR}  +)(?:{_CHAT_DAY_AND_TIME}|{_CHAT_TIME})"
    rf"|{_CHAT_AUTHOR} [-–—] (?:{_CHAT_DAY_AND_TIME})"
    # ... or Telegram Desktop's copy, the date and time in brackets after a comma (found blind in probe 42): "Floresta
    # Segura, [05.12.26 09:14]", which got a claim and a person.
    rf"|\w[\w.'-]*(?: \w[\w.'-]*){{0,3}}, \[\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}},? {_CHAT_TIME}(?::\d\d)?\]"
    # ... or a forum's or Q&A site's post header (seed-shaped probe 43): Quora's "Engenheira agrônoma · Respondido há 3 h",
    # GitHub's "yuki-t commented Dec 4, 2026" and "mkowalski asked this question in General", Tumblr's "warmhomes
    # reblogged this from gridnotes", Moodle's "por Ana Ribeiro - sexta, 5 de dezembro de 2026, 09:12". A story's "foi
    # respondido há 3 dias" has no separator before it; its author's "Siemens commented" is two words of a sentence.
    rf"|{_POSTED_AGO}"
    rf"|[\w.-]+ (?:(?:commented|replied|answered|comentou|respondeu)(?: on| ·)? (?:{_POST_DATE}|{_REPLIED_AGO})"
    rf"|(?:asked this question|started this conversation) in [\w &-]{{1,30}}|reblogged this(?: from [\w.-]+)?)"
    rf"|(?:por|by) {_CHAT_AUTHOR} [-–—] (?:{WEEKDAY},? )?{STAMP},? {_CHAT_TIME}"
    # ... or a video's or a link aggregator's comment header (found blind in probe 43): YouTube's "@telaquente  há 3
    # dias (editado)", Hacker News's "▲ lindqvist 5 hours ago | next [–]".
    rf"|@[\w.-]+ +{_AGO}(?: \((?:editado|edited)\))?"
    rf"|▲ [\w.-]+ \d+ [a-z]{{1,7}} ago(?: \| [a-z]+(?: \[[–-]\])?)*")
CHAT_HEADER_WORDS = 3 * FRAGMENT_WORDS
# ... but a forum's byline, which has eleven words (Moodle's "por Ana Ribeiro - sexta, 5 de dezembro de 2026, 09:12";
# probe 43), asked only of a line opening as a byline does (asking every line of ten to twelve words cost 0.02% more
# instructions on the preload of the seedlike folders).
FORUM_BYLINE_WORDS, FORUM_BYLINE_OPENERS = 4 * FRAGMENT_WORDS, ("por ", "by ")


# ... the credential a Q&A site writes before it: "Engenheira agrônoma · Respondido há 3 h" (asked only of a line with
# the separator: its scan for the separator would cost every short line of a batch).
_CREDITED_POST = re.compile(rf"[^·•|]{{1,60}} [·•] {_POSTED_AGO}")


def is_chat_header(text: str) -> bool:
    """Whether a short line is a chat message's header or a thread's last reply (``_CHAT_HEADER``)."""
    if len(text) > 80:
        return False
    folded = fold(text.strip())
    return _CHAT_HEADER.fullmatch(folded) is not None or (
        ("·" in folded or "•" in folded) and _CREDITED_POST.fullmatch(folded) is not None)


# A tab's or section's label with its count, as short ("Avaliações de clientes (214)", "Reviews (318)").
_COUNTED_LABEL = re.compile(r"[^\W\d_][^\d.!?]{0,40}\(\d[\d.,]*\)$")
# A postal address at a document's edge is a footer or letterhead; this many
# words at most (with a line of small print around it).
ADDRESS_MAX_WORDS = 40
# A line kept with more words than this is asked no rule that looks for a short line (BatchLines.plain_paragraph): of
# the box reasons, only the about boxes' and those of any length reach further.
PLAIN_PARAGRAPH_WORDS = MENU_MAX_WORDS
# Cues that describe a whole segment (a caption by its credit at the end, an
# author box by its label at the start, a line of hashtags alone at any length)
# make it chrome up to this many words, however few other cues it has.
WHOLE_SEGMENT_KINDS = {"appeal or donation form": 80, "author bio": 80, "image or caption": 40, "hashtags": sys.maxsize,
                       "editor's note": 2 * WORDS_PER_CUE, "funeral service": 40, "affected areas": 2 * WORDS_PER_CUE,
                       "opening hours or prices": 40}


# Where a segment is, as bits (a task's copies add theirs up): among the first
# or the last EDGE_SEGMENTS of its document, or elsewhere.
PLACE_START, PLACE_END, PLACE_INSIDE = 1, 2, 4


@dataclass(frozen=True)
class Position:
    """Where a segment is in its document: index among the document's segments. A batch's segments at one place share
    one Position (``_positions``), so what is asked of every segment's (``place``, ``facts``) is worked out once."""

    index: int
    count: int

    @cached_property
    def place(self) -> int:
        """PLACE_START and/or PLACE_END at a document's edges, else PLACE_INSIDE
        (also in a document too short to have a header and footer apart)."""
        if self.count <= 2 * EDGE_SEGMENTS:
            return PLACE_INSIDE
        place = (PLACE_START if self.index < EDGE_SEGMENTS else 0) | (
            PLACE_END if self.index >= self.count - EDGE_SEGMENTS else 0)
        return place or PLACE_INSIDE

    @property
    def at_edge(self) -> bool:
        return self.index < EDGE_SEGMENTS or self.index >= self.count - EDGE_SEGMENTS

    @property
    def in_letterhead(self) -> bool:
        return self.index < LETTERHEAD_SEGMENTS

    @property
    def in_lower_half(self) -> bool:
        return 2 * self.index >= self.count

    @cached_property
    def facts(self) -> tuple[str, bool, bool]:
        """All that a line's own chrome decision reads of its position (its edge by ``describe``, which also names
        it in the reason): the same line with the same facts gets the same decision."""
        return self.describe(), self.in_letterhead, self.in_lower_half

    def describe(self) -> str:
        if self.index >= self.count - EDGE_SEGMENTS:
            return "near the end of the document"
        if self.index < EDGE_SEGMENTS:
            return "near the start of the document"
        return "inside the document"


def boilerplate_reason(text: str, position: Position) -> tuple[str, str] | None:
    """``(kind, reason)`` when ``text`` is page chrome rather than content.

    Short segments (few words) need one cue (a headline of more than a few
    words, a cue phrase rather than one ordinary word); longer ones need several
    distinct cue phrases (one per ``WORDS_PER_CUE`` words, at least two, one
    fewer for a strong cue at the document's edges in a segment of up to twice
    ``SHORT_WORDS``), so an article that mentions cookies or privacy stays.
    """
    text = without_markdown_escapes(text)
    folded = fold(text)
    return _chrome(text, folded, WORD_TOKEN.findall(folded), position)


# A Markdown escape of a punctuation mark: a scraper writing Markdown (Firecrawl) escapes a byline's bars ("By Jane Doe
# \| March 3, 2026"), which the cues read as the marks the page shows.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def without_markdown_escapes(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text


# A clause that says who said a sentence (", disse o deputado", ", a spokesman said"): a page's notice on the views it
# carries names no speaker, so a disclaimer's words in such a sentence are a story's ("A proposta não representa a
# opinião do partido, disse o deputado").
_REPORTED_CLAUSE = re.compile(
    r",[^\S\n](?:[^\W\d_]+[^\S\n]){0,4}(?:disse|disseram|afirmou|afirmaram|declarou|declararam|explicou|acrescentou|"
    r"said|says|told|added)(?![^\W_])")


# A privacy law's acronym, a privacy notice's cue in a footer's link ("Política de privacidade · LGPD"); in a sentence
# of its own it is the story's topic (found blind by seed-shaped probe 40: "Maybe the AI Act will end up like the
# GDPR: famous everywhere, feared nowhere." was left out).
PRIVACY_LAWS = frozenset({"lgpd", "gdpr"})


def names_a_privacy_law_only(phrases: dict[str, list[str]], folded: str, words: int) -> bool:
    """Whether a sentence's only cues are privacy laws' acronyms (``PRIVACY_LAWS``)."""
    return len(phrases) == 1 and all(fold(phrase) in PRIVACY_LAWS for phrase in phrases["privacy notice"]) \
        and words >= SENTENCE_MIN_WORDS and SENTENCE_PUNCTUATION.search(folded) is not None


def _chrome(text: str, folded: str, tokens: Sequence[str], position: Position) -> tuple[str, str] | None:
    words = len(tokens)
    if (label := _label_or_button(text, folded, words, position)) is not None:
        return label
    phrases = find_cues(folded, tokens, text)
    if "author note" in phrases or text.startswith(_ITALIC_MARKS):
        if _is_author_note(text, words, position, "author note" in phrases):
            return "boilerplate", f"author note: a line on who wrote the page, under it; {word_count(words)}, {position.describe()}"
        phrases.pop("author note", None)
    if "disclaimer" in phrases and _REPORTED_CLAUSE.search(folded):
        phrases.pop("disclaimer")  # a story's sentence on whose view is whose, with who said it
    if "privacy notice" in phrases and names_a_privacy_law_only(phrases, folded, words):
        phrases.pop("privacy notice")
    if not phrases:
        return _chrome_without_cues(text, folded, words, position)
    return _chrome_by_cues(text, folded, words, position, phrases)


def _label_or_button(text: str, folded: str, words: int, position: Position) -> tuple[str, str] | None:
    """A listing's field label, a row of buttons or a file to download: what a short line is before its cues are read."""
    if words <= FIELD_LABEL_WORDS and _FIELD_LABEL.fullmatch(folded.strip()):
        return "boilerplate", f"field label: a listing's label alone or with its value; {word_count(words)}, {position.describe()}"
    if words <= SHORT_WORDS and (reason := _buttons_or_download(text, folded)):
        # A file to download is an attachment, whatever its name says; a row of buttons is what its items are.
        kind = "attachment" if reason in (DOWNLOAD_REASON, LINKED_FILE_REASON) else "button or link label"
        return "boilerplate", f"{kind}: {reason}; {word_count(words)}, {position.describe()}"
    return None


# Two or three buttons' labels run together on one line, as a page's text copy keeps a row of buttons (s51-cleaning's
# blind "Candidatar Descarregar brochura"; s52-cleaning's "Book a viewing Request details", "Ouvir agora Ler
# transcrição", "Ir para a receita · Imprimir receita"): each label a capitalised verb of a page's action and at most
# three words more, no "and"/"e" joining them (a Title Case headline "Apply the Rules and Save Money" goes on).
# The verbs are a set looked up once a word, not a regex alternation: written out for each of up to three labels, the
# pattern cost every process 24 M instructions to compile (s52-cleaning2).
_BUTTON_VERBS = frozenset((
    "Apply", "Book", "Request", "Download", "Listen", "Read", "Print", "Jump", "Save", "Share", "Subscribe", "Order",
    "Call", "Buy", "Add", "View", "Watch", "Sign", "Register", "Join", "Donate", "Follow", "Compare", "Schedule",
    "Enquire", "Email", "Contact", "Play", "Reply", "Visit", "Candidatar", "Candidatar-se", "Candidate-se",
    "Descarregar", "Baixar", "Baixe", "Ouvir", "Ouça", "Ler", "Leia", "Imprimir", "Ir", "Agendar", "Pedir", "Comprar",
    "Adicionar", "Ver", "Veja", "Partilhar", "Compartilhar", "Guardar", "Salvar", "Subscrever", "Assinar", "Contactar",
    "Ligar", "Reservar", "Inscrever-se", "Doar", "Seguir", "Comparar", "Enviar", "Marcar", "Solicitar", "Assistir"))
_LABEL_JOINERS = frozenset(("and", "or", "e", "ou", "with", "com", "but", "mas"))
_ROW_SEPARATORS = frozenset("·|•")
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LEADING_WORD = re.compile(r"\w+")
BUTTON_LABEL_WORDS = 4
BUTTONS_IN_ROW = (2, 3)


def is_buttons_row(line: str, shortest: int = 1) -> bool:
    """Whether a line (single spaces) is two or three buttons' labels run together: a label is a verb of
    _BUTTON_VERBS and at most three words more (no joiner: "and", "e", ...), labels apart by a space or by one of
    _ROW_SEPARATORS between spaces; each label at least ``shortest`` words."""
    space = line.find(" ")  # the first word asked before the line is split: most lines open with no such verb
    return space > 0 and line[:space] in _BUTTON_VERBS and _labels_from(line.split(" "), 0, 0, shortest)


def _labels_from(words: list[str], start: int, labels: int, shortest: int) -> bool:
    """Whether ``words[start:]`` is the rest of a row that holds ``labels`` labels before ``start``."""
    if labels == BUTTONS_IN_ROW[-1] or words[start] not in _BUTTON_VERBS:
        return False
    end = start + 1
    while True:
        whole = end - start >= shortest
        if end == len(words):
            return whole and labels + 1 in BUTTONS_IN_ROW
        if words[end] in _ROW_SEPARATORS:
            return whole and end + 1 < len(words) and _labels_from(words, end + 1, labels + 1, shortest)
        if whole and _labels_from(words, end, labels + 1, shortest):
            return True
        if end - start == BUTTON_LABEL_WORDS or not _is_label_word(words[end]):
            return False
        end += 1


def _is_label_word(word: str) -> bool:
    """Whether a word can follow a label's verb: a word of letters first, no joiner of two labels."""
    leading = _LEADING_WORD.match(word)
    return _LABEL_WORD.fullmatch(word) is not None and (leading is None or leading.group().casefold() not in _LABEL_JOINERS)


def _chrome_without_cues(text: str, folded: str, words: int, position: Position) -> tuple[str, str] | None:
    """A line without cue phrases: chrome by its shape alone (a byline, a field, a fragment, a menu)."""
    if (shaped := _credit_or_field(text, folded, words, position) or _fragment(text, folded, words)) is not None:
        return shaped
    if words <= AUTHOR_LINE_WORDS and _COUNTED_LABEL.match(folded):
        return "boilerplate", f"engagement count: a label with a count in brackets; {word_count(words)}, {position.describe()}"
    return _menu(text, folded, words) or _details(text, folded, words, position)


def _credit_or_field(text: str, folded: str, words: int, position: Position) -> tuple[str, str] | None:
    """A line whose shape says what it is: a source line, a catalogue's or a card's field, an author's or a chat
    message's byline, a contents entry, a form's blank, a bracketed button, a classification code, a chart's title."""
    if words <= FIELD_LABEL_WORDS and _WIRE_SOURCE.fullmatch(text.strip()) and not text.isupper():
        return "boilerplate", f"byline or credit: a wire release's source line; {word_count(words)}, {position.describe()}"
    if words <= FIELD_LABEL_WORDS and _ITEM_TYPE.fullmatch(folded.strip(" *_#")):
        return "boilerplate", f"catalogue field: a repository's item type alone; {word_count(words)}, {position.describe()}"
    if words <= FIELD_LABEL_WORDS and _MEMBER_SINCE.fullmatch(folded.strip()):
        return "boilerplate", f"member's card: when a forum's member joined; {word_count(words)}, {position.describe()}"
    if words <= AUTHOR_LINE_WORDS and _is_author_line(text, folded):
        return "boilerplate", f"a comment's or post's author line; {word_count(words)}, {position.describe()}"
    if (words <= CHAT_HEADER_WORDS or words <= FORUM_BYLINE_WORDS and folded.startswith(FORUM_BYLINE_OPENERS)) \
            and is_chat_header(text):
        return "boilerplate", f"byline or credit: a chat message's author and time; {word_count(words)}, " \
                              f"{position.describe()}"
    if is_contents_entry(text):
        return "navigation", f"a table of contents' entry: a heading, a leader of dots and its page; " \
                             f"{word_count(words)}, {position.describe()}"
    if words <= SHORT_WORDS and is_form_blank(text):
        return "boilerplate", f"a form's blank: a signature's or date's field of dots or underscores, to fill by hand; " \
                              f"{word_count(words)}, {position.describe()}"
    if words <= 2 * FRAGMENT_WORDS and text[:1] == "[" and _BRACKETED_LABEL.fullmatch(text.strip()):
        if _SOUND_CUE.fullmatch(folded.strip()):
            return "boilerplate", f"a transcript's sound cue alone in brackets (no speech); {word_count(words)}, " \
                                  f"{position.describe()}"
        return "boilerplate", f"button or link label: its text alone in brackets (a text e-mail's button); " \
                              f"{word_count(words)}, {position.describe()}"
    if _CLASSIFICATION_CODE.match(text):
        return "boilerplate", f"index terms: a classification code opening the line; {word_count(words)}, " \
                              f"{position.describe()}"
    if words <= FIELD_LABEL_WORDS and text[:1] in _SIGNATURE_DASHES and is_lone_signature(text):
        return "boilerplate", f"byline or credit: a signature alone on its line (a dash, a name and a place); " \
                              f"{word_count(words)}, {position.describe()}"
    if words <= SHORT_WORDS and _TALK_PAGE_TITLE.match(folded) and not SENTENCE_PUNCTUATION.search(folded):
        return "navigation", f"a wiki talk page's title: its namespace, then the article's name; {word_count(words)}, " \
                             f"{position.describe()}"
    if words <= TIME_SPAN_WORDS and _SPAN_SCREEN.search(folded) is not None and is_time_span(folded):
        return "boilerplate", f"date line: a time span alone (a schedule's slot or a warning's validity); " \
                              f"{word_count(words)}, {position.describe()}"
    if words <= REACTED_NAMES_WORDS and is_reacted_names(text, folded):
        return "boilerplate", f"engagement count: who reacted, a name and how many others; {word_count(words)}, " \
                              f"{position.describe()}"
    if words <= SIGNER_LINE_WORDS and is_signer_line(text, folded):
        return "boilerplate", f"consultation or petition status: a signer's line, a name and when they signed; " \
                              f"{word_count(words)}, {position.describe()}"
    if words <= COMPANY_LINE_WORDS and 0 < position.index < EDGE_SEGMENTS and is_company_line(text):
        return "boilerplate", f"byline or credit: a company's name and its legal form alone (a publisher's, seller's " \
                              f"or developer's line); {word_count(words)}, {position.describe()}"
    if words <= SHORT_WORDS and is_chart_title(folded):
        return "boilerplate", f"image or caption: a chart's title under its number; {word_count(words)}, " \
                              f"{position.describe()}"
    return None


# A time span alone on its line, dates and clock times and the words between them (probe 51's Indico slot "10 Mar 2026,
# 11:20 – 11:40", kept there; probe s45's warning "De 06/12/2026 06:00 até 07/12/2026 18:00"): a schedule's or a
# warning's field. A date and two clock times, or two dates and one: a date alone is a dateline or a heading, whose own
# rules read it, and weekdays' hours without a date may be a notice's text (probe 23's school office, under "Horário de
# atendimento presencial na secretaria:").
TIME_SPAN_WORDS = 14
_SPAN_CLOCK = re.compile(r"(?<!\d)\d{1,2}(?::\d\d|h\d\d|h)(?: ?[ap]\.?m\.?)?(?![\w:])|(?<!\d)\d{1,2} ?[ap]\.?m\.?(?!\w)")
# A clock time's digits as a search finds them fast, from a digit (most lines hold none, and are asked no more).
_SPAN_SCREEN = re.compile(r"\d(?::\d\d|h| ?[ap]\.?m\b)")
_SPAN_DATE = re.compile(rf"(?<!\d)\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?(?![\d/])|(?<!\d){DAY_MONTH}(?:,? (?:de )?\d{{4}})?"
                        rf"|{MONTH}\.? \d{{1,2}}(?:,? \d{{4}})?(?!\d)")
# What may stand between a span's dates and times: weekdays, "de"/"até"/"from"/"to", "Início:"/"Fim:", dashes, dots.
# A label ("Quando: 22 de março, das 14h às 17h", the seed's event listing) makes it content; a player's "0:00 / 3:41"
# is no span (no slash between times).
_SPAN_FILLER = re.compile(r"(?:(?:(?:segunda|terca|quarta|quinta|sexta)(?:-feira)?|sabado|domingo|monday|tuesday|"
                          r"wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|seg|"
                          r"ter|qua|qui|sex|sab|dom|de|desde|ate|as|a|das|do|dia|entre|e|from|to|until|till|and|on|at|"
                          r"inicio|fim|start|starts|end|ends|valido|valid|validade|vigencia|gmt|utc|bst|cet|wet|brt)"
                          r"(?![^\W\d_])|[-–—·|,;:.()]|\s)*")


def is_time_span(folded: str) -> bool:
    """Whether a line is dates and clock times alone, a date and two times or two dates and a time (``_SPAN_CLOCK``)."""
    times = len(_SPAN_CLOCK.findall(folded))
    if not times:
        return False
    rest = _SPAN_CLOCK.sub(" ", folded)
    dates = len(_SPAN_DATE.findall(rest))
    return dates >= 1 and times + dates >= 3 and _SPAN_FILLER.fullmatch(_SPAN_DATE.sub(" ", rest)) is not None


# Who reacted to a post, a name and how many others, the whole line (probe s45's Facebook group: "Juliana Prado e
# outras 12 pessoas"; its blind page's "Dave Cole and 12 others"; "Curtido por ... e outras ..." is a cue): the name's
# words capitalised, so a headline's "Acidente mata motorista e outras 12 pessoas" is none.
REACTED_NAMES_WORDS = 9
_REACTED_NAMES = re.compile(r"(?:[A-ZÀ-Þ][\w.'’-]*\s){1,4}(?:e|and)\s(?:(?:mais\s)?(?:outras|outros)\s\d[\d.,]*"
                            r"(?:\s(?:mil|k))?(?:\s(?:pessoas))?|\d[\d.,]*(?:\s?(?:mil|k|K))?\s(?:others|other people|"
                            r"outras pessoas|pessoas))")


def is_reacted_names(text: str, folded: str) -> bool:
    """Whether a short line is who reacted to a post (``_REACTED_NAMES``), told first by its "outr"/"other"."""
    return ("outr" in folded or "other" in folded) and _REACTED_NAMES.fullmatch(text.strip()) is not None


# A petition's signer and when they signed, the whole line (probe 51's and probe s45's petitions, the blind one's
# "Fernanda L. assinou há 2 horas"): a name's capitalised words (an initial too), maybe its place, "assinou"/"signed",
# then how long ago, a date or the petition named. A story's "O prefeito assinou o decreto na segunda-feira." names
# something else after the verb, and "Biden signed" alone is no line a page shows.
SIGNER_LINE_WORDS = 12
_SIGNER_LINE = re.compile(r"(?:[A-ZÀ-Þ][\w.'’-]*\s){1,3}(?:(?:de|from|in|em|of)\s(?:[A-ZÀ-Þ][\w'’-]*,?\s){1,3})?"
                          r"(?:assinou|signed)(?:\s(?:this|the|o|a|este|esta)\s(?:petition|abaixo-assinado|peti[cç][aã]o))?"
                          r"(?:\s(?:h[aá]\s(?:\d+|um|uma)\s?[^\W\d_]{1,9}\.?|(?:\d+|an?)\s?[^\W\d_]{1,9}\.?\sago|"
                          r"(?:em|on)\s[\w ,/.]{4,30}|hoje|ontem|today|yesterday|agora|just now)"
                          r"|\s(?:this|the|o|a|este|esta)\s(?:petition|abaixo-assinado|peti[cç][aã]o))")


# A line that is a company's name alone: capitalised words (a name's small words between them), then its legal form
# ("Panela Digital Tecnologia Ltda.", "Cofrinho Finanças Pessoais Ltda.", s47-cleaning2 and s48-cleaning: a store's
# developer under the app's name; "Harbourside Homes Ltd"), under a page's first line and among its first lines (an
# e-mail's signature further down has its own reason; a record that is a name alone is a text). No colon, no
# sentence's stop before the form: a field ("Empresa: Faróis Digitais, Lda.") and a sentence that ends in one are read
# by their own rules. "About Acme Ltd", "Sobre a Lumen Lda." head a company's own text.
COMPANY_LINE_WORDS = 8
# The form in any case ("LTDA", "GmbH"), the name's words capitalised.
_COMPANY_LINE = re.compile(r"(?!(?:About|Sobre) )[A-ZÀ-Þ0-9][\w&'’-]*(?: (?:[A-ZÀ-Þ0-9][\w&'’.-]*|de|da|do|dos|das|e|and|&|of|"
                           rf"the))*,? (?i:{_LEGAL_FORM_NAMES})\.?")


def is_company_line(text: str) -> bool:
    """Whether a line is a company's name and its legal form alone (see _COMPANY_LINE), its last word asked first."""
    stripped = text.strip(" *_#")
    return stripped.rpartition(" ")[2].rstrip(".").lower() in LEGAL_FORMS and _COMPANY_LINE.fullmatch(stripped) is not None


def is_signer_line(text: str, folded: str) -> bool:
    """Whether a short line is a petition's signer and when (``_SIGNER_LINE``), told first by its "assinou"/"signed"."""
    return ("assinou" in folded or "signed" in folded) and _SIGNER_LINE.fullmatch(text.strip()) is not None


# A forum's or a letters page's signature alone under its post, opened by a dash: "— Maria, Lisboa", "-- Tom Hale",
# "– Joaquim, Campolide" (probe 50 decided it chrome; a signature ending the paragraph it signs stays with it). Its
# words are a name's and a place's, capitalised but for their particles; a dialogue's "— Sim, senhor" is not.
_SIGNATURE_DASHES = ("—", "–", "-")
_NAME_PARTICLES = frozenset({"da", "de", "do", "das", "dos", "e", "of", "van", "von"})
SIGNATURE_PART_WORDS = 4


def is_lone_signature(text: str) -> bool:
    """Whether a short line is a dash and a name, maybe a comma and a place, nothing else ("— Maria, Lisboa")."""
    rest = text.strip().lstrip("—–-").strip()
    parts = rest.split(", ")
    if not rest or len(parts) > 2:
        return False
    for part in parts:
        names = part.split()
        if not 1 <= len(names) <= SIGNATURE_PART_WORDS or not all(
                name in _NAME_PARTICLES or _SIGNATURE_NAME.fullmatch(name) for name in names):
            return False
    return True


# A wiki's talk page's title, its namespace and the article's name with no space between ("Talk:Hollin Ford Bridge",
# "Discussão:Rio Vez"; probe 50's pages, probe 51's): the page's name, no heading of its content.
_TALK_PAGE_TITLE = re.compile(r"(?:talk|user talk|wikipedia talk|discussao|usuario discussao|usuario\(a\) discussao|"
                              r"utilizador discussao|utilizador\(a\) discussao|wikipedia discussao):[^\W_]")


def _fragment(text: str, folded: str, words: int) -> tuple[str, str] | None:
    """A few words that are no sentence: a label, a heading, a menu item, a time stamp or a user's name on a card."""
    # A short line ending in a comma opens a letter or a post ("Hi everyone,"):
    # labels and menu items do not end in one. One ending in a colon is a
    # label for what follows ("Requisitos:"); one ending in an initial is a
    # user's name on a card ("Marta K."), not a sentence.
    if words <= FRAGMENT_WORDS and (
            not SENTENCE_PUNCTUATION.search(without_closing_emoji(folded)) or folded.endswith(":")
            or _ENDS_WITH_INITIAL.search(text)) \
            and not folded.endswith(",") and not _TOOL_COMMAND.match(folded):
        plural = "s" if words != 1 else ""
        if is_named_clock_time(text):  # what it is, not a label (probe 45); a live entry's or a chat message's
            return "fragment", "a clock time alone on its line (a time stamp)"
        if _ENDS_WITH_INITIAL.search(text):
            return "fragment", f"{words} word{plural} ending in an initial (a user's name on a card)"
        return "fragment", f"{words} word{plural} without sentence punctuation (a label, heading or menu item)"
    return None


def _chrome_by_cues(text: str, folded: str, words: int, position: Position,
                    phrases: dict[str, list[str]]) -> tuple[str, str] | None:
    """A line with cue phrases: chrome if they weigh enough for its length, or if a box's button closes it."""
    if "](" in folded and words <= 2 * SHORT_WORDS:
        # A link's address is no words a reader reads: a line's length with cues counts its links' text
        # ("Produtos usados neste vídeo (links de afiliado): [liquidificador](https://amzn.to/...) | ...").
        words = len(WORD_TOKEN.findall(_LINK_TARGET.sub(" ", folded)))
    decided = _cues_decide(text, folded, words, position, phrases)
    call = None if decided or words > 2 * SHORT_WORDS else _closing_call(text, phrases)
    if not decided and call is None:
        # A menu may hold an item that is a cue word alone ("... | Ajuda | Entrar").
        return _menu(text, folded, words) or _details(text, folded, words, position)
    cues = "; ".join(f"{kind}: {', '.join(repr(p) for p in found)}" for kind, found in phrases.items())
    box = f"; a box closed by its button {call!r}" if call else ""
    return "boilerplate", f"{cues}{box}; {word_count(words)}, {position.describe()}"


def _cues_decide(text: str, folded: str, words: int, position: Position, phrases: dict[str, list[str]]) -> bool:
    """Whether a line's cues make it chrome: a short line by a strong cue, two cues or no sentence; a longer one by
    cues enough for its length; either by one cue that spans it whole."""
    strong = not STRONG_KINDS.isdisjoint(phrases)
    # In prose, ordinary words of one weak kind ("shares" and "share",
    # "Facebook" and "Instagram") are one topic, not several cues.
    distinct = sum(
        1 if words > SHORT_WORDS and kind not in STRONG_KINDS and all(map(_PLAIN_WORD.fullmatch, found)) else len(found)
        for kind, found in phrases.items()
    )
    if words <= SHORT_WORDS:
        # One ordinary word ("share", "Instagram") does not make a sentence
        # or a headline chrome; a label of a few words, a cue phrase or a
        # stronger cue does.
        # A line ending in a colon introduces what follows (a heading), it is no
        # sentence; nor is one in capitals, a banner shouting its call, nor one whose stop is an abbreviated month's
        # ("Luiza Andrade · 26 de fev."), nor a company's legal form's ("Oferecido por: Lumen Apps Ltda.", s47-cleaning2).
        sentence = words >= SENTENCE_MIN_WORDS and SENTENCE_PUNCTUATION.search(folded) and not folded.endswith(":") \
            and not text.isupper() and not _ENDS_WITH_DAY_MONTH.search(folded) \
            and (folded[-1:] != "." or _COMPANY_SUFFIX.search(text.rstrip()) is None)
        decided = strong or distinct >= 2 or (not sentence and (words <= SENTENCE_MIN_WORDS or any(
            not _PLAIN_WORD.fullmatch(phrase) for found in phrases.values() for phrase in found
        )))
    else:
        # Headers and footers are short: a long paragraph at the edge is the
        # story's lead or close, which may well be about privacy or cookies.
        # So is one that opens with a strong label ("Categories: ...").
        edge = strong and words <= 2 * SHORT_WORDS and (position.at_edge or _opens_with_strong_cue(folded, phrases))
        needed = max(2, round(words / WORDS_PER_CUE)) - (1 if edge else 0)
        decided = distinct >= needed or any(
            kind in phrases and words <= most for kind, most in WHOLE_SEGMENT_KINDS.items()
        )
    if not decided and words <= 2 * SHORT_WORDS and not SENTENCE_PUNCTUATION.search(folded):
        # A cue that spans the whole line, no sentence, is the widget itself, however many figures it counts ("edited
        # Mar 4, 2024 at 10:12 · answered Sep 14, 2023 at 8:19 · [ruth.k](/users/4512) 4,512 ▪ 2 ▪ 19 ▪ 33", probe 41).
        whole = len(text.strip())
        decided = any(len(phrase) >= whole for found in phrases.values() for phrase in found)
    return decided


# An event's or listing's field label alone on its line, its value on the next ("Data" over "Sábado, 12 de abril", "Venue"
# over the hall's name), or with its value as an app store's information table gives them ("Size 48.2 MB", "Seller Nimbus
# Works Ltd", found blind in probe 18). Looked for in short lines only, which the batch screen passes by their length:
# as cues, their first words ("When", "Data", "Time") would send the many sentences they open to the full check.
_FIELD_LABEL = re.compile(
    r"(?:data|local|hora|horario|bilhetes|ingressos|precos?|onde|quando|morada|date|time|venue|tickets|prices?|where|when|"
    r"location)|(?:size|tamanho) \d[\d.,]* ?(?:kb|mb|gb)|(?:seller|vendedor|provider|fornecedor) [^\W\d_]+(?: [^\W\d_]+){0,4}"
    # ... or a conference programme's, a contribution's place in it with its value (probe 50's Indico page, probe 51's):
    # "Track: Coastal morphology", "Sessão: Dunas e praias", "Contribution type: Oral", "Room: Auditório 2".
    r"|(?:track|trilha|session|sessao|contribution type|tipo de contribuicao|presentation type|tipo de apresentacao|"
    r"room|sala): [^\W_][^.!?:]{0,60}")
FIELD_LABEL_WORDS = 2 * FRAGMENT_WORDS
# A repository's or journal's item type alone over its title (found blind in probe 32): "Artigo em revista científica",
# "Journal article", "Dissertação de mestrado". A short line, passed by the batch screen by its length as a field label.
_ITEM_TYPE = re.compile(
    r"(?:artigo (?:em revista cientifica|de periodico|em periodico|cientifico|original|de revisao)|(?:journal|research|"
    r"review|original|conference) (?:article|paper)|conference (?:object|proceedings)|dissertacao de mestrado|"
    r"tese de (?:doutoramento|doutorado|mestrado)|(?:doctoral|phd|masters?|master's) thesis|capitulo de livro|"
    r"book chapter|working paper|trabalho de conclusao de curso)")
# A forum member's card: when the member joined ("Registado: 12 Mar 2019", "Joined: Sep 2018"; "Member since" is a
# byline's cue).
_MEMBER_SINCE = re.compile(
    rf"(?:registad[oa]|registrad[oa]|registered|joined|join date|inscrit[oa])(?: (?:em|desde|on|in))?:? "
    rf"(?:(?:\d{{1,2}} (?:de )?)?(?:{MONTH}\.?,? (?:de )?)?\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})")


# A forum member's card's other lines: its counts (MEMBER_COUNT), and where the member lives, a short place after its
# label ("Localização: Ponte de Lima", "Location: Leeds"; probe 34's boards), which a listing's or an event's fields
# also give ("Localização: Rua de São Vicente, Braga"): a place is the card's only beside the card's other lines.
_MEMBER_COUNT = re.compile(MEMBER_COUNT)
_CARD_PLACE = re.compile(r"(?:localizacao|location|localidade|cidade|city|residencia) ?: ?[^\W\d_][^.!?:]{0,40}")
CARD_PLACE_WORDS = 2 * FRAGMENT_WORDS
# How far from a place line the card's other lines may be.
CARD_LINES = 2


def is_member_card_line(text: str) -> bool:
    """Whether a line says when a forum's member joined or counts their posts (a member's card)."""
    folded = fold(text).strip()
    return _MEMBER_SINCE.fullmatch(folded) is not None or _MEMBER_COUNT.fullmatch(folded) is not None


# A wire release's closing credit, "SOURCE" in capitals and the company's name ("SOURCE Acme Robotics", probe 22); a
# headline in capitals ("SOURCE CODE LEAKS") is no credit.
_WIRE_SOURCE = re.compile(r"SOURCE [A-Z0-9À-Þ][\w&.,'-]*(?: [\w&.,'-]+){0,4}")


# The last sentence of a segment, of at most FRAGMENT_WORDS words ("... todos os dias às 7h. Subscrever").
_CLOSING_CALL = re.compile(r"[.!?…]['\"”’»)\]]*\s+((?:\S+\s+){0,%d}\S+?)[.!]?$" % (FRAGMENT_WORDS - 1))


def _closing_call(text: str, phrases: dict[str, list[str]]) -> str | None:
    """The button that closes a box of text (a newsletter's pitch ending in
    "Subscrever", an appeal in "Donate today."): a last sentence of a few
    words holding one of the segment's cue phrases. Prose does not end on a
    button's label."""
    match = _CLOSING_CALL.search(text)
    if match is None:
        return None
    call = fold(match.group(1))
    return match.group(1) if any(fold(phrase) in call for found in phrases.values() for phrase in found) else None


# Words a name may hold in lower case ("Maria da Silva", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset("da das de do dos di du del della van von der den la le e y".split())
# A line opening with a name of two to four words and what the person is or does ("Rachel Odum is ...", "Ana Lima é ...").
_NAME_WORD = r"[A-ZÀ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?"
_SIGNATURE_NAME = re.compile(_NAME_WORD)
_AUTHOR_NOTE = re.compile(
    rf"[*_]*{_NAME_WORD}(?: (?:(?:{'|'.join(sorted(_NAME_PARTICLES))}) )?{_NAME_WORD}){{1,3}},? "
    r"(?:is|é|was|foi|writes|escreve|covers|cobre) ")
_ITALIC_MARKS = ("*", "_")
# A profile's and its publication's names after "Mais de" ("Mais de Camila Duarte e Dev na Prática").
_TITLE_PARTICLES = _NAME_PARTICLES | {"na", "no", "of", "the"}
_TITLE_WORDS = rf"{_NAME_WORD}(?: (?:(?:{'|'.join(sorted(_TITLE_PARTICLES))}) )?{_NAME_WORD})"
_MORE_FROM_NAMES = re.compile(rf"Mais d[eao]s? {_TITLE_WORDS}{{0,3}} (?:e|&) {_TITLE_WORDS}{{0,4}}\s*$")
# ... or the profile's alone, a line of capitalised words ("Mais de Tech Lab Brasil", "Mais de Rui Tavares Lopes").
_MORE_FROM_NAME = re.compile(rf"Mais d[eao]s? {_TITLE_WORDS}{{0,3}}\s*$")
# An author note is a sentence or two.
AUTHOR_NOTE_WORDS = 40


def _is_author_note(text: str, words: int, position: Position, names_a_role: bool) -> bool:
    """Whether a line under a column says who wrote it: in the page's lower half, it opens with a name and what
    the person is, and names a paper or topic ("... is a columnist for the Courier", "... escreve sobre cidades";
    ``names_a_role``) or is set apart in italics, as a Markdown page sets it ("*Rachel Odum is chief executive of
    ...*"). A story's sentence about someone ("Mariana Lopes é escritora e vive em Lisboa") is neither."""
    stripped = text.strip()
    italic = stripped.startswith(_ITALIC_MARKS) and stripped.endswith(_ITALIC_MARKS)
    return (names_a_role or italic) and words <= AUTHOR_NOTE_WORDS and position.in_lower_half \
        and _AUTHOR_NOTE.match(stripped) is not None


def _is_author_line(text: str, folded: str) -> bool:
    """Whether a short line is "<name or handle> <said|wrote>:", a comment's or
    quoted post's author line; "Local transport minister Simon Lightwood said:"
    opens a quote in a story (its words before the verb are not all a name).
    A board's quote header names its author after the cue ("Quote from
    paddler_jo", "Citação de rui_gaia": a handle, or a name in capitals)."""
    if (quoted := _QUOTED_AUTHOR.match(folded)) is not None:
        after = text.split()[len(quoted.group().split()):]
        return len(after) == 1 or all(word[0].isupper() or word.casefold() in _NAME_PARTICLES for word in after)
    verb = _AUTHOR_LINE.search(folded)
    if verb is None:
        return False
    before = text[: verb.start()].split() if len(text) == len(folded) else folded[: verb.start()].split()
    return len(before) <= 1 or all(
        not word[0].isalpha() or word[0].isupper() or word.casefold() in _NAME_PARTICLES for word in before
    )


def _opens_with_strong_cue(folded: str, phrases: dict[str, list[str]]) -> bool:
    start = _LEADING_MARKUP.match(folded).end()  # type: ignore[union-attr]
    return any(
        folded.startswith(fold(phrase), start) for kind, found in phrases.items() if kind in STRONG_KINDS for phrase in found
    )


def _menu(text: str, folded: str, words: int) -> tuple[str, str] | None:
    if words > MENU_MAX_WORDS:
        return None
    if "](" in folded and _is_link_line(folded):
        return "navigation", "a line of links alone (a menu)"
    if _is_menu(folded):
        return "navigation", "a line of short items between separators (a menu)"
    if is_run_together_menu(text):
        return "navigation", "a line of capitalised one-word items run together (a menu copied from the page)"
    return None


# Words that join a headline's or a name's words; a menu's items, one word each, have none between them.
_JOINING_WORDS = frozenset(
    "a o as os e de da do das dos em no na nos nas um uma com por para pela pelo ao à se que é "
    "the of and in on at to for by with from as is are was after over up out an or not".split())
# A menu copied from the browser comes one word an item, with only spaces between them ("Agro Ciência Economia Educação
# Mundo Política Saúde Tecnologia", "World Europe US news Americas Asia Australia Middle East Africa").
RUN_TOGETHER_MENU_WORDS = 6
# ... a code host's tabs with their counts after some of them ("Code Issues 48 Pull requests 9 Actions Projects
# Security Insights", probe 25; "Star 2.3k"); a year is no count ("Bicicleta Caloi Elite Carbon Sport 2022 tamanho M").
_ONLY_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+| \d{1,3}(?:[.,]\d)?[km]?(?= [^\W\d_]|$))+")
_TAB_COUNT = re.compile(r" \d{1,3}(?:[.,]\d)?[km]?(?= |$)")


def is_run_together_menu(text: str) -> bool:
    """Whether a line is six words or more and nothing else (but a count after a word), nearly all capitalised, none a
    word that joins a headline's words or a name's ("Seca No Sertão Faz Produtores Perderem Metade Da Safra" is a
    title)."""
    # Such a line ends in a letter or a figure: a sentence's stop spares most lines the match, which reads their words.
    if not text[-1:].isalnum() or _ONLY_WORDS.fullmatch(text) is None:
        return False
    words = _TAB_COUNT.sub("", text).split()
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= RUN_TOGETHER_MENU_WORDS and 5 * capitalised >= 4 * len(words) \
        and _JOINING_WORDS.isdisjoint(word.lower() for word in words)


# A paper's authors alone on a line, three names or more between commas ("Hannah Moss, David Okoro, Priya Anand and
# Michael Greer"), each maybe marked with its affiliation's number or an asterisk.
# A paper's author's name with the marks of their affiliations and of the corresponding author: "Ana Lima1,2*", and
# in letters after a space "Hannah Pryce a,*" (probe 30).
_AUTHOR_NAME = rf"{_NAME_WORD}(?: (?:(?:{'|'.join(sorted(_NAME_PARTICLES))}) )?{_NAME_WORD}){{1,3}}[\d*†]*" \
               r"(?: [a-d](?:,(?:[a-d]|[*†]))*)?"
# A byline's name after "Por" or "By", up to four words ("Por Juliana Prado, Portal Vale Notícias", "By Daniel Webb").
_BYLINE_NAME = re.compile(rf"[*_]*(?:[Pp]or|[Bb]y|BY|POR) ({_NAME_WORD}(?: (?:(?:{'|'.join(sorted(_NAME_PARTICLES))}) )?"
                          rf"{_NAME_WORD}){{1,3}})")
BYLINE_NAME_WORDS = 4
_AUTHOR_LIST = re.compile(rf"{_AUTHOR_NAME}(?:, {_AUTHOR_NAME}){{1,}}(?:,? (?:and|e|&) {_AUTHOR_NAME})?|"
                          rf"{_AUTHOR_NAME}(?:, {_AUTHOR_NAME}){{2,}}")
# ... and a story's byline of three names or more (probe 32): "By Ellen Marsh, Kwame Osei and Harriet Lowe", "Por Renata
# Schmitt, Lucas Prado e Helena Vargas" (one name after "By" is a cue phrase's).
# Its "by" is matched apart, and the names by _AUTHOR_LIST after it: a second copy of that pattern costs its compilation.
_BYLINE_BY = re.compile(r"[*_]*(?:[Pp]or|[Bb]y|BY|POR) ")
# The words that join a list's last name to the others: "A, B e C" is three names with one comma (probe 32).
_LAST_NAME_JOINS = (" and ", " e ", " & ")


# A Brazilian news site's section label over its story: a state's code, a dash and a town ("PE - Petrolina", probe 21).
# The codes are a closed class; a title goes on after the town, so the town has a few capitalised words at most.
_BRAZILIAN_STATES = "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split()
_STATE_AND_TOWN = re.compile(rf"(?:{'|'.join(_BRAZILIAN_STATES)}) [-–—] {_NAME_WORD}(?: (?:d[aeo]s? )?{_NAME_WORD}){{0,3}}")
STATE_LABEL_WORDS = 6
# A credit line ending on its name's line below: "News provided by", "Powered by", "Patrocinado por".
_ENDS_IN_BY = re.compile(r"(?<![^\W_])(?:by|por|pela|pelo)\s*$", re.IGNORECASE)
_BY_WORDS = ("by", "por", "pela", "pelo")


def ends_in_by(text: str) -> bool:
    """Whether ``_ENDS_IN_BY`` finds "by" or "por" closing ``text``. Its search tries every position; a look at the
    text's last letters spares most lines that (no character but these ASCII letters matches them, in any case)."""
    return text.rstrip()[-4:].lower().endswith(_BY_WORDS) and _ENDS_IN_BY.search(text) is not None


CREDITED_NAME_WORDS = 5
# A periodical's name is among a page's first lines, in a few words, over its issue line: "Edição: 229", "Edição nº
# 2.418", "Issue 14", "Vol. 12, No. 3".
MASTHEAD_INDEX, MASTHEAD_WORDS = 2, 6
_ISSUE_FIELD = re.compile(r"(?<![^\W_])(?:edicao|edition|issue|vol\.?|volume|boletim|bulletin)(?: n[.oº]*)?:? ?\d")
# A panel's heading in an information system, over the record it frames (probe 25): "Dados Gerais do Componente
# Curricular", "Informações do processo", "Record details", "General information".
_PANEL_HEADING = re.compile(
    r"(?:(?:dados|informacoes|detalhes)(?: gerais| basicas| principais)?(?: (?:d[oa]s?|de) [^\W\d_]+(?: [^\W\d_]+){0,3})?"
    r"|(?:general |basic |main )?(?:information|details)|(?:[^\W\d_]+ ){1,2}details)")
PANEL_HEADING_WORDS = 8
# A byline with the town the story was filed in: "Sam Jones in Madrid", "Ana Lima em Lisboa".
_NAME_IN_TOWN = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}} (?:in|em|no|na) {_NAME_WORD}(?: {_NAME_WORD}){{0,2}}")


def is_state_section_label(text: str, words: int) -> bool:
    """Whether a line is a Brazilian news site's section label: a state's code, a dash and a town alone."""
    return words <= STATE_LABEL_WORDS and _STATE_AND_TOWN.fullmatch(text.strip()) is not None


# A review's or comment's byline: a name or handle and a date in figures alone ("daveyjones82, 02/15/2025", found blind
# in probe 18), or a forum post's handle and the date and time it was posted ("Rui_M · 14 nov 2026, 21:07", probe 30).
_NAME_AND_NUMERIC_DATE = re.compile(
    r"[^\W_][\w.'’-]*(?: [^\W_][\w.'’-]*){0,3}(?:,| ·| -| —| \|) \d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    rf"|[^\W_][\w.'’-]*(?:,| ·| -| —| \|) "
    rf"(?i:\d{{1,2}}(?: de)? {MONTH}\.?(?: de)?,? \d{{4}},? (?:às |at )?\d{{1,2}}[:h]\d\d)")


# A reference list's entry: its first author by surname and initials, then another author, "et al.", "and" or its year in
# brackets, or another author by surname and initials, and a year somewhere ("Donato, D. C. et al. Mangroves among ... (2011).", "Pinto-Correia, T., Ribeiro, N.
# e Sá-Sousa, P. (2011). ..."; probe 32). A dateline's "Washington, D.C. —" goes on with no author.
_SURNAME_AND_INITIALS = r"[A-ZÀ-Þ][^\W\d_]+(?:[-'’ ][A-ZÀ-Þ][^\W\d_]+)?, (?:[A-ZÀ-Þ]\.[ -]?){1,3}"
_REFERENCE_ENTRY = re.compile(rf"(?:\[?\d{{1,3}}[.\]] )?{_SURNAME_AND_INITIALS}(?:,| ?et al\.| ?\((?:1[6-9]|20)\d\d"
                              rf"| ?(?:and|e|&) {_SURNAME_AND_INITIALS})")
# ... or its authors by surname and given name, two or more, and its year in brackets, as a repository's citation line
# gives them (probe 33): "Hollis, Rebecca, Okafor, Daniel and Price, Eleanor (2025) Saltmarsh restoration ...".
_SURNAME_AND_NAME = r"[A-ZÀ-Þ][^\W\d_]+(?:[-'’ ][A-ZÀ-Þ][^\W\d_]+)?, [A-ZÀ-Þ][^\W\d_]+(?: [A-ZÀ-Þ][^\W\d_]*\.?)?"
# ... or by surnames in lower case after their capital and initials, each closed by a semicolon, as a journal's "Share and
# Cite" box gives its citation (probe 33): "Carrow, M.; Aguilar, T.; Raman, P. Restored Oyster Reefs ... 2025, 7, 214."
# A syllabus's bibliography in ABNT's style ("MONTGOMERY, D. C.; RUNGER, G. C. ...") is its content (probe 23).
_SEMICOLON_REFERENCE_ENTRY = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+)?, (?:[A-ZÀ-Þ]\.[ -]?){1,3}; "
                                        r"[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+)?, (?:[A-ZÀ-Þ]\.[ -]?){1,3}[;.]")
_NAMED_REFERENCE_ENTRY = re.compile(rf"{_SURNAME_AND_NAME}(?:, {_SURNAME_AND_NAME})*,? (?:and|e|&) {_SURNAME_AND_NAME} "
                                    rf"\((?:1[6-9]|20)\d\d\)\.? [A-ZÀ-Þ]")
# (named apart from the site header's _YEAR below, a bare year of this century or the last, which it had shadowed)
_REFERENCE_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")


def is_reference_entry(text: str) -> bool:
    """Whether a line is a reference list's entry (see _REFERENCE_ENTRY); the cheap test first, as every line is asked."""
    if not text[:1].isupper():
        return False
    return _NAMED_REFERENCE_ENTRY.match(text) is not None or (
        (_REFERENCE_ENTRY.match(text) is not None or _SEMICOLON_REFERENCE_ENTRY.match(text) is not None)
        and _REFERENCE_YEAR.search(text) is not None)


def is_journal_citation(text: str) -> bool:
    """Whether a line is a journal's citation line alone: a name of one capitalised word ("Nature 612 (2022) 45–50",
    probe 31) or of two capitalised words or more, volume, year and pages. The last character is asked first: most
    lines end in a letter or a stop."""
    if not text[-1:].isdigit() or (citation := _JOURNAL_CITATION.fullmatch(text.strip())) is None:
        return False
    name = citation.group("name")
    return " " not in name or names_something(name)


def names_listed(text: str) -> int:
    """How many items a line lists at most: one more than its commas, and the last joined by "and", "e" or "&"."""
    commas = text.count(",")
    return commas + 1 + (commas == 1 and any(join in text for join in _LAST_NAME_JOINS))


def is_byline_list(text: str) -> bool:
    """Whether a line is a byline of AUTHOR_LIST_NAMES names or more after its "by" or "por" (see _BYLINE_BY)."""
    line = text.strip().rstrip("*_")
    by = _BYLINE_BY.match(line)
    return by is not None and _AUTHOR_LIST.fullmatch(line, by.end()) is not None


def is_author_list(text: str, position: Position) -> bool:
    """Whether a line in the page's upper half is a list of AUTHOR_LIST_NAMES names or more alone (a paper's authors;
    a story's people are in its sentences), none of them a place's. The cheap tests first: every line with commas is
    asked."""
    return text[:1].isupper() and names_listed(text) >= AUTHOR_LIST_NAMES and not position.in_lower_half \
        and _AUTHOR_LIST.fullmatch(text.strip()) is not None and not names_a_place(text)


# The first words of places' names of two words or more, which no person's name opens with: "São Paulo", "Rio de
# Janeiro", "Belo Horizonte", "Vila Real", "New York", "Port Talbot" (probe 33). A list of three such places ("São Paulo,
# Rio de Janeiro e Belo Horizonte") reads as a paper's authors by its shape; places of one word ("Lisboa, Porto e
# Coimbra") are no name of two words.
_PLACE_HEADS = frozenset("são sao santa santo rio porto belo vila nova novo foz ponta campo monte praia ilha serra vale "
                         "lagoa baía baia cabo new san saint st st. los las port fort mount lake cape north south east "
                         "west upper lower great greater".split())
_LISTED_NAME_SEPARATOR = re.compile(r",\s*(?:(?:and|e|&)\s+)?|\s+(?:and|e|&)\s+")


def names_a_place(text: str) -> bool:
    """Whether a list of names holds one that opens with a place's first word (_PLACE_HEADS)."""
    return any(name.split(maxsplit=1)[0].casefold() in _PLACE_HEADS
               for name in _LISTED_NAME_SEPARATOR.split(text.strip()) if name.strip())


def _details(text: str, folded: str, words: int, position: Position) -> tuple[str, str] | None:
    """A footer's or letterhead's details: its address, a line of contact details, its place and date; or a paper's
    authors in the page's upper half."""
    if is_contact_line(text):
        alone = "a page's name and its web address" if _labelled_address(text) \
            else "web or e-mail addresses and phone numbers alone"
        return "boilerplate", f"contact details: {alone}; {word_count(words)}, {position.describe()}"
    if is_sender_line(text):
        return "boilerplate", f"byline or credit: a name and an e-mail address alone (a message's sender); " \
                              f"{word_count(words)}, {position.describe()}"
    if is_office_line(folded, words):
        return "boilerplate", f"contact details: an office's place and its opening hours between dots; " \
                              f"{word_count(words)}, {position.describe()}"
    if position.at_edge and words <= ADDRESS_MAX_WORDS and is_postal_address(text):
        return "boilerplate", f"a street address with a postcode (a footer or letterhead); {word_count(words)}, {position.describe()}"
    if is_place_and_date(folded, position):
        return "boilerplate", f"a place and date alone at the page's top (a letterhead); {word_count(words)}, {position.describe()}"
    if text[-1:].isdigit() and _NAME_AND_NUMERIC_DATE.fullmatch(text.strip()):
        return "boilerplate", f"byline or credit: a name and a date in figures alone; {word_count(words)}, {position.describe()}"
    if not position.in_lower_half and is_state_section_label(text, words):
        return "boilerplate", f"navigation: a state's code and a town alone (a news site's section label); " \
                              f"{word_count(words)}, {position.describe()}"
    if words <= MASTHEAD_WORDS and is_issue_masthead(text):
        return "boilerplate", f"byline or credit: a newsletter's name, its issue's number and date between dots (its " \
                              f"masthead); {word_count(words)}, {position.describe()}"
    if is_reference_entry(text):
        return "boilerplate", f"reference list: an entry, its authors by surname and initials and its year; " \
                              f"{word_count(words)}, {position.describe()}"
    if is_journal_citation(text):
        return "boilerplate", f"navigation: a journal's name, volume, year and pages alone (its citation line); " \
                              f"{word_count(words)}, {position.describe()}"
    if text[:1] in "BbPp*_" and names_listed(text) >= AUTHOR_LIST_NAMES and is_byline_list(text):
        return "boilerplate", f"byline or credit: {AUTHOR_LIST_NAMES} names or more after its \"by\" (a story's " \
                              f"authors); {word_count(words)}, {position.describe()}"
    if is_author_list(text, position):
        return "boilerplate", f"byline or credit: a list of {AUTHOR_LIST_NAMES} names or more alone (a paper's authors); " \
                              f"{word_count(words)}, {position.describe()}"
    return None


# A newsletter's masthead: its name, the issue's number and its date, between dots (seed-shaped probe 40:
# "Semicondutores à Segunda · n.º 87 · 1 de dezembro de 2026", "The Chip Letter | No. 112 | March 3, 2026"). The number
# is a part of its own, so a sentence citing "o n.º 87 da lei" is none.
_ISSUE_NUMBER = re.compile(r"(?:n\.?\s?[ºo°]|no\.|nr\.|issue|edição|edicao|#)\s?\d{1,4}", re.IGNORECASE)
_DATE_PART = re.compile(rf"{_DATED}$", re.IGNORECASE)
MASTHEAD_WORDS = SHORT_WORDS


def is_issue_masthead(text: str) -> bool:
    """A line of two or three parts between dots or bars: one an issue's number, another a date."""
    if " · " not in text and " | " not in text:
        return False
    parts = [part.strip() for part in _PART_SEPARATOR.split(text.strip())]
    return 2 <= len(parts) <= 3 and any(_ISSUE_NUMBER.fullmatch(part) for part in parts) \
        and any(_DATE_PART.fullmatch(part) for part in parts)


# An office's line: where it is, then when it is open, between dots (probe 44 and probe 42's blind service page:
# "Controladoria-Geral do Município: Rua XV de Novembro, 512 – Centro · Atendimento ao público de segunda a sexta, das 8h
# às 17h", "Planning office: Town Hall, Market Street · Open Monday to Friday, 9am to 5pm"). The hours are a part of
# their own: days, then an hour; a sentence giving hours ("A biblioteca abre de segunda a sexta, das 8h às 17h, na Rua
# XV.") has no dot between its parts and ends in a stop.
_OPENING_HOURS = re.compile(
    r"(?:de )?(?:segunda a sexta|segunda a sabado|seg\.? a (?:sex|sab)|dias uteis|todos os dias|"
    r"monday to (?:friday|saturday)|mon(?:day)? ?[–-] ?(?:fri|sat)|weekdays|open daily)"
    r"[^.!?]{0,40}?\d{1,2}(?:h|:\d\d| ?am| ?pm)")
_PART_SEPARATOR = re.compile(r" [·|] ")
OFFICE_LINE_WORDS = 40


def is_office_line(lowered: str, words: int) -> bool:
    """Whether a line is an office's place and opening hours, parts between dots (_OPENING_HOURS), no sentence's stop
    closing it: one part the hours, another a place with its number or label (``lowered``: folded or normalised, folded
    here once it has dots: "dias úteis")."""
    if words > OFFICE_LINE_WORDS or ("·" not in lowered and "|" not in lowered) or lowered.rstrip()[-1:] in ".!?":
        return False
    parts = _PART_SEPARATOR.split(fold(lowered))
    hours = [index for index, part in enumerate(parts) if _OPENING_HOURS.search(part)]
    return bool(hours) and any(index not in hours and (":" in part or any(map(str.isdigit, part)))
                               for index, part in enumerate(parts))


# A message's sender, as a mailing list's archive heads it (probe 35): a name and an e-mail address, which the archive
# may write with " at " for its "@", the address in lower case ("Ruth Okafor ruth.okafor at example.org", "Ana Lima
# <ana@example.pt>").
_NAME_AND_MAIL = re.compile(rf"[*_]*{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}[*_]*:? "
                            r"[<(]?(?:[\w.+-]+@|[a-z\d._+-]+ at )[\w-]+(?:\.[\w-]+)+[>)]?")
SENDER_LINE_CHARS = 120


def is_sender_line(text: str) -> bool:
    """Whether a line is a name and an e-mail address alone (_NAME_AND_MAIL), the cheap tests first: the batch's
    screen asks every line with " at " in it."""
    return ("@" in text or " at " in text) and len(text) <= SENDER_LINE_CHARS \
        and _NAME_AND_MAIL.fullmatch(text.strip()) is not None


# A table of contents' entry, as a report exported from PDF gives it: a heading, a leader of dots (or spaced dots,
# or ellipses) and the page it starts on ("Atividade em 2025 ........ 4"; probe 28). Read from the line's end.
_CONTENTS_LEADER = re.compile(r"(?:^|[^\d.…])(?:(?:\s?\.){4,}|(?:\s?…){2,})\s*\d{1,4}$")
CONTENTS_TAIL_CHARS = 40


def is_contents_entry(text: str) -> bool:
    """Whether a line is a table of contents' entry: words, then a leader of dots and a page number closing it."""
    if not text[-1:].isdigit():  # the last character first: most lines end in a letter or a stop, and are not copied
        text = text.rstrip() if text[-1:].isspace() else ""
        if not text[-1:].isdigit():
            return False
    return _CONTENTS_LEADER.search(text[-CONTENTS_TAIL_CHARS:]) is not None and any(map(str.isalpha, text))


# A printed form's blank, to sign or date by hand: a label and its colon, then a run of dots or underscores ("Signed:
# ................ Chairman   Date: ..........", "Assinatura: ________"; probe 46). A contents' leader ends in a page.
_FORM_BLANK = re.compile(r"\w:\s*(?:\.{6,}|_{6,}|…{3,})")


def is_form_blank(text: str) -> bool:
    """Whether a line holds a printed form's blank (_FORM_BLANK): a field left to fill by hand, no text."""
    return ("...." in text or "____" in text or "……" in text) and _FORM_BLANK.search(text) is not None


# A text e-mail's button or a link's text alone in square brackets ("[Confirme sua presença]", "[Read more]"; probe
# 28): a Markdown link has its address after it, a transcript's stamp ("[00:02:15]") no letters.
_BRACKETED_LABEL = re.compile(r"\[[^\W\d_][^\[\]]*[^\W_.!?]\]")


# ... or a transcript's or subtitle's sound cue, what was heard and no speech ("[Música]", "[Applause]", "[risos]",
# "[música de fundo]"): left out alike, but said as what it is (s51-userpass2's SubRip loader: "[Música]" was called
# "a text e-mail's button"). Matched on the folded line (lower case, no accents).
_SOUND_CUE_WORDS = ("music musica applause aplausos laughter laughs risos risadas gargalhadas silence silencio "
                    "inaudible inaudivel crosstalk noise ruido cheering cheers vinheta")
_SOUND_CUE = re.compile(rf"\[(?:{'|'.join(_SOUND_CUE_WORDS.split())})(?: [^\W\d_]+){{0,3}}\]")


# A row of such buttons (probe 39's museum record): "[Add to my collection]  [Share]  [Cite this object]".
_BRACKETED_LABELS = re.compile(rf"{_BRACKETED_LABEL.pattern}(?:\s+{_BRACKETED_LABEL.pattern})+")

# A download's file and its size, a release's asset or an attachment's line (probe 41: "[tidewell-2.4.0.tar.gz](#) 1.9
# MB", "PDF, 612 KB, 38 pages"), or with its size in brackets, as a notice's attachments list gives it (probe 44:
# "Relatorio_diarias_2024.pdf (230 KB)", "[Plano_de_ensino.pdf](/arquivos/plano.pdf) (230 KB)"); a sentence says what
# the file holds. A link's text may have spaces ("[Anexo I – Termo de referência.pdf](/arquivos/anexo1.pdf) (845 KB)").
_FILE_AND_SIZE = re.compile(
    r"(?:(?:\[[^\[\]]+|[\w.+-]+)\.(?:whl|zip|gz|tgz|bz2|xz|exe|dmg|msi|deb|rpm|apk|jar|pdf|xlsx?|csv|docx?|odt|ods|epub)"
    r"\]?(?:\([^)]*\))?"
    r"|pdf|xlsx?|csv|docx?|odt|ods|html|ms word document|ms excel spreadsheet),? (?:\d[\d.,]* ?(?:kb|mb|gb|bytes)"
    r"(?:, \d+ pages?)?|\(\d[\d.,]* ?(?:kb|mb|gb|bytes)\))")

# A link's label closed by its file's format in brackets, no size ("Ver ficha completa (PDF)", "Download full datasheet
# (PDF)", "Regulamento [PDF, inglês]"; probe s46, where a text file's copy of such a link was kept): the file is named
# by its format, as an attachment's line is by its size. A label of a few words, no sentence's stop or colon in it; with
# a size in the brackets ("(PDF, 240 KB)") the cues read it as a button's label already.
_LINKED_FILE = re.compile(r"[^\W\d_][^.!?:()\[\]]{0,60} [(\[](?:pdf|docx?|xlsx?|odt|ods|csv|epub|pptx?)"
                          r"(?:, [^()\[\]\d]{1,24})?[)\]]")
LINKED_FILE_REASON = "a link to a file, its format in brackets"

# A patent's classification code opening its line (probe 39): "F28D20/021 Heat storage plants using latent heat ...".
_CLASSIFICATION_CODE = re.compile(r"[A-H]\d\d[A-Z] ?\d{1,4}/\d{2,6}(?:\s|$)")

# A chart's or table's title under its number, as a bulletin sets it over the chart: "Figure 1: Passenger journeys by
# quarter, England and Wales, 2019 to 2026". A caption that says something (a measured figure, a sentence's stop: "Figure
# 2: Journeys rose by 6 per cent.") is the text's and stays.
_CHART_TITLE = re.compile(r"(?:figure|fig\.|chart|graph|table|map|figura|grafico|tabela|quadro) \d{1,3}[a-z]?[:.] "
                          r"[^\W\d_][^.!?;]*")
_NOT_A_YEAR = re.compile(r"(?<!\d)(?!(?:1[89]|20)\d\d(?!\d))\d")


def is_label_line(text: str, lowered: str) -> bool:
    """Whether a line with no cue phrase may be a label the batch screen must pass: a classification code, a chart's
    title, a row of buttons or a download's file (each told by its first or last characters; ``lowered``: its
    normalised text, which a file's name and size are read in as they are)."""
    return _CLASSIFICATION_CODE.match(text) is not None or is_chart_title(lowered) \
        or _buttons_or_download(text, lowered) is not None


DOWNLOAD_REASON = "a download's file and its size"
BUTTONS_RUN_REASON = "two or three buttons' labels run together"
_BUTTONS_ROW_REASON = f"button or link label: {BUTTONS_RUN_REASON}"  # as a line's decision names it


def _buttons_or_download(text: str, folded: str) -> str | None:
    """What a short line is when it is a row of bracketed buttons, of buttons' labels run together, or a download's
    file and size: its words are cues ("Share"), but the line is the widget whatever they say."""
    stripped = folded.rstrip()
    if text[:1] == "[" and _BRACKETED_LABELS.fullmatch(text.strip()):
        return "a row of buttons, each in brackets"
    if stripped.endswith(("b", "page", "pages", "b)")) and _FILE_AND_SIZE.fullmatch(stripped.lstrip(" -*")):
        return DOWNLOAD_REASON
    if stripped.endswith((")", "]")) and _LINKED_FILE.fullmatch(stripped.lstrip(" -*")):
        return LINKED_FILE_REASON
    if text[:1].isupper() and is_buttons_row(text.strip()):
        return BUTTONS_RUN_REASON
    return None


_CHART_LABELS = ("figure", "fig.", "chart", "graph", "table", "map", "figura", "grafico", "tabela", "quadro")
_CHART_LABEL_CHARS = max(map(len, _CHART_LABELS))


def is_chart_title(lowered: str) -> bool:
    """A figure's title alone: its label and number, then words and years only, no sentence's stop (``lowered``:
    folded or normalised; an accented label is read folded: "gráfico 3: ...")."""
    lowered = lowered.strip(" *_#")
    opening = lowered[:_CHART_LABEL_CHARS]
    if not (opening if opening.isascii() else fold(opening)).startswith(_CHART_LABELS):
        return False
    folded = fold(lowered)
    match = _CHART_TITLE.fullmatch(folded)
    return match is not None and _NOT_A_YEAR.search(folded, folded.index(" ", folded.index(" ") + 1)) is None


# A printed page's number alone, as a report exported from PDF puts it by the form feed between its pages: "2", "- 3
# -", "Página 3", "Page 4 of 12", "5/12" (probe 28).
_PAGE_NUMBER = re.compile(r"(?:(?:page|p[áa]gina|p[áa]g\.?|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of|de)\s*\d{1,4})?",
                          re.IGNORECASE)
PAGE_NUMBER_CHARS = 24
# A page's number with its word or its count of pages ("Página 14 de 62", "Page 3 of 18", "p. 4/12"): no bare number,
# which a list's or a table's last line may be.
_PAGE_OF_PAGES = re.compile(r"(?:page|p[áa]gina|p[áa]g\.?|p\.)\s*\d{1,4}(?:\s*(?:/|of|de)\s*\d{1,4})?|\d{1,4}\s*(?:/|of|de)\s*\d{1,4}",
                            re.IGNORECASE)
# An author's box labelled with their name, the bio opening with the name in full (folded): "sobre a lu: luciana".
_NAMED_AUTHOR_BOX = re.compile(r"(?:sobre|about)(?: o| a)? ([^\W\d_]{2,})[^\W\d_]*: \1")
# An affiliation opens with a department or an institution (a footnote's mark before it, a digit or a letter), and
# names one of learning or research; its parts (department, institution, town, postcode, country) between at least
# two commas are short.
_AFFILIATION = re.compile(r"[\d*†¹²³⁴⁵⁶⁷⁸⁹ ]*(?:[a-d] )?(?:department|departamento|school|faculty|faculdade|facultad|university|"
                          r"universidade|universidad|institute|instituto|centre|center|centro|laboratory|laboratorio|"
                          r"division|college|escola|nucleo|programa)\b")
_LEARNING = re.compile(r"\b(?:universit|universidad|institut|faculdade|faculty|facultad|college|research|pesquisa|"
                       r"investigacao)")
AFFILIATION_COMMAS = 2
# The marks that tie an affiliation to its authors, which no heading opens with.
_AFFILIATION_MARKS = "¹²³⁴⁵⁶⁷⁸⁹†‡"
# ... or a letter before the affiliation's name, as papers letter them: "b Environment Agency, Ipswich".
_AFFILIATION_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹†‡]|[a-h] [A-ZÀ-Þ]")
AFFILIATION_PART_WORDS = 6
# The most lines a printout's cover holds (an organisation, a title, a subtitle, a date), and how far from them its
# first page break may be.
COVER_LINES = 6
COVER_PAGE_CHARS = 800
# ... or closing a running header or footer by a form feed, after spaces or a separator: "Freguesia de Lamas · Plano
# de Atividades 2027          Pág. 2" (found blind in probe 28; the number changes, so the line is no repeated one).
_RUNNING_PAGE_NUMBER = re.compile(r"(?:\s{2,}|\s[|·•–—-]\s)(?:(?:page|p[áa]gina|p[áa]g\.?|p\.)\s*)?\d{1,4}"
                                  r"(?:\s*(?:/|of|de)\s*\d{1,4})?$", re.IGNORECASE)
RUNNING_LINE_CHARS = 160
# ... or opening it, before the authors' or the journal's name: "234 H. Pryce et al. / Estuarine and Coastal Notes 14
# (2026) 233–241" (probe 30); a numbered heading ("2 Methods") names no authors and has no separator.
_LEADING_RUNNING_PAGE_NUMBER = re.compile(r"\d{1,4}\s+(?=\S.*(?:\bet al\.|\s[|/·•–—]\s))")
# A journal's citation line over a paper: its name, volume (issue), year and pages ("Estuarine and Coastal Notes 14
# (2026) 233–241", "Revista Portuguesa de Entomologia 31(2) (2026) e2607"), nothing else (probe 30).
_JOURNAL_CITATION = re.compile(r"(?P<name>[A-ZÀ-Þ][^\W\d_]*(?: [^\W\d_]+){0,8}) \d{1,4}(?: ?\(\d{1,3}\))?,? "
                               r"\((?:19|20)\d\d\),? (?:\d{1,5} ?[–-] ?\d{1,5}|e?\d{3,7})")
# The separator between a running header's authors and its journal's citation line.
_RUNNING_HEADER_SEPARATOR = re.compile(r"\s[|/·•–—]\s")


def ends_in_running_page_number(text: str) -> bool:
    """Whether a line is laid out as a running header or footer closing with its page's number ("Relatório 2025
    Página 2", "Documento interno — não distribuir   2/3"): short, no sentence's end before the number."""
    text = text.strip()
    return len(text) <= RUNNING_LINE_CHARS and _RUNNING_PAGE_NUMBER.search(text) is not None \
        and SENTENCE_PUNCTUATION.search(_RUNNING_PAGE_NUMBER.sub("", text)) is None


# A signature's delimiter alone on its line: an e-mail's "-- " and a forum's rule of underscores over its member's
# signature (probe 28). Markdown's rules ("---", "___") are a section's break.
_SIGNATURE_DELIMITER = re.compile(r"--|_{5,}")
# A signature's lines under its delimiter.
DELIMITED_SIGNATURE_LINES = 3
# A box's heading on the page's item or its company: "About this episode", "Sobre este episódio", "About Ledgerline".
_ABOUT = re.compile(r"(?:about|sobre)(?![^\W_])")
# How an about box's heading opens (its first six characters, case-folded).
_ABOUT_OPENERS = ("sobre ", "about ")
# A box on who issued the page, at its foot: "Sobre a <Name>" over a paragraph that opens by saying what the name is
# ("A Oeste Crédito é uma cooperativa ...", "Acme Ltd is a ..."), a press release's standing paragraph on its company.
# A standing paragraph on an organisation opens with when it was founded: "Fundada em 1943, ...", "Founded in 1998, ...".
_FOUNDED = re.compile(r"(?:fundad[oa]|criad[oa]|founded|established|set up) (?:em|in) (?:1[6-9]|20)\d\d,? ")
_ABOUT_NAME = re.compile(r"(?:about|sobre)(?: (?:a|o|as|os|the))? (.+)")
_DEFINING_VERBS = tuple(f"{verb} " for verb in ("e", "is", "sao", "are", "foi", "was"))
# A clock time alone on its line: a live blog's entry stamp ("16:42", "9.05am", "16h05 BST"; probe 28).
# Hours from one time to another: "9.30am to 11am", "das 14h às 17h30", "10:00-12:30". A time ends in its hour's
# letters or minutes, so that a year or a count ("2026 to 2027") is none.
_HOUR = r"\d{1,2}(?:(?:[:.h]\d\d)? ?[ap]\.?m\.?|h(?:\d\d)?|:\d\d)"
# ... or the month first: "December 12" (probe 35's "Saturday, December 12 · 8:30am - 12:30pm GMT" under "## Date and
# time", an event's date in the text since the weekday's dateline reads it, probe 50).
_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|º)?(?: de)? (?:{MONTH_NAMES})\b|\b(?:{MONTH_NAMES}) \d{{1,2}}"
                           rf"(?:st|nd|rd|th)?\b", re.IGNORECASE)
_HOURS_SPAN = re.compile(rf"\b{_HOUR} ?(?:to|till|until|às|as|até|-|–) ?{_HOUR}(?![\w:])", re.IGNORECASE)


def dates_an_event(text: str, chrome: Reason) -> bool:
    """Whether a line left out as a byline's date is an event's date, with the hours of what happens on it, which no
    story's dateline has (found blind in probe 29: a school's "Tuesday 4 November 2026, 9.30am to 11am" under "Open
    mornings"). Office hours ("segunda a sexta, das 9h00 às 17h00") give no day of a month."""
    return chrome[1].startswith("byline or credit") and (
        _HOURS_SPAN.search(text) is not None and _DAY_OF_MONTH.search(text) is not None or is_programme_entry(text))


# A programme's entry: what happens, then the day and the time it starts, on the hour or a quarter past it as events
# are set (a post's time stamp falls on any minute): "Concerto · 14 nov 2026, 21:00" (probe 31).
_PROGRAMME_ENTRY = re.compile(rf"(?P<name>[^\W\d_]+(?: [^\W\d_]+){{0,5}})(?:,| ·| -| —| \|) \d{{1,2}}(?: de)? {MONTH}\.?"
                              rf"(?: de)?,? \d{{4}},? (?:às |at )?\d{{1,2}}[:h](?:00|15|30|45)", re.IGNORECASE)


def is_programme_entry(text: str) -> bool:
    """Whether a line is an event's name, day and starting time alone. The name is no user's handle (a handle has a
    digit, an underscore or a second capital: "DaveW", "Rui_M", "AnaCiclista") and no person's (a phrase with a
    word in lower case that is no particle of a name: "Feira de artesanato"). A one-word name with a time on the hour
    is taken for an event's ("Concerto"), though a forum member may be called "Marina" and post at 21:00."""
    entry = _PROGRAMME_ENTRY.fullmatch(text.strip())
    if entry is None:
        return False
    words = entry.group("name").split()
    if len(words) == 1:
        return words[0][:1].isupper() and words[0][1:].islower()
    return any(word.islower() and word not in _NAME_PARTICLES for word in words[1:])


# The label an event page gives its place: "Location", "Localização", "Local", "Venue", "Onde". (Its date under "Date
# and time" is the event's date in the text, as probe 35's truth has it: see dates_an_event.)
_PLACE_LABEL = re.compile(r"location|localizacao|local|venue|where|onde")


_CLOCK_LINE = re.compile(r"\d{1,2}[:h.]\d\d(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{3,4})?")


def is_clock_line(text: str) -> bool:
    """Whether a line is a clock time alone (_CLOCK_LINE), told first by its length."""
    return len(text) <= PAGE_NUMBER_CHARS and _CLOCK_LINE.fullmatch(text.strip()) is not None


# A numbered section's mark before its heading on the line: "1. ", "12. ".
_SECTION_NUMBER = re.compile(r"(\d{1,2})\. ")
# A wiki article's origin line under its title (folded): "From Wikipedia, the free encyclopedia", "Origem: Wikipédia, a
# enciclopédia livre.", any wiki's.
_WIKI_ORIGIN = re.compile(r"(?:from [\w ]{1,40}, the free encyclopedia|origem: [\w ]{1,40}, a enciclopedia livre)\.?")


def is_wiki_origin(line: str) -> bool:
    """Whether a line is a wiki article's origin line (_WIKI_ORIGIN; its "ncycl"/"ncicl" asked first, as most lines
    have neither)."""
    return ("ncycl" in line or "ncicl" in line) and _WIKI_ORIGIN.fullmatch(fold(line).strip()) is not None


# A statute's or a regulation's numbered provision alone on its line (folded): "Artigo 3.º", "Art. 5º", "Article 3",
# "Section 4", "Secção 2", "Cláusula 7.ª", "§ 2", "§ 1.º".
_PROVISION_HEADING = re.compile(r"(?:artigo|art\.|article|section|sec\.|seccao|clausula|clause|§) ?\d{1,3}(?:\.?[ºª°o]|[a-z])?\.?")
# A day named by its weekday and date, alone on its line, as an agenda heads the day's events: "Friday 4 December",
# "Sábado, 12 de dezembro", "Wed, Dec 9", "quarta-feira, 16 de dezembro de 2026" (folded).
_WEEKDAY_DATE_LINE = re.compile(rf"{WEEKDAY}(?:-feira)?\.?,? (?:{DAY_MONTH}|{MONTH}\.? \d{{1,2}})(?:,?(?: de)? \d{{4}})?")
# An event's details opening with its hour, folded: "7pm, tickets £5", "10am–12pm", "as 16h, no auditorio", "das 10h".
_OPENS_WITH_HOUR = re.compile(r"(?:(?:as|das|a partir das|from|at) )?\d{1,2}(?:[:h.]\d\d)?(?: ?[ap]m\b|h\b|h\d\d)")


def is_weekday_date_line(text: str) -> bool:
    """Whether a line is a day named by its weekday and date alone (_WEEKDAY_DATE_LINE), told first by its length."""
    return len(text) <= 2 * PAGE_NUMBER_CHARS and _WEEKDAY_DATE_LINE.fullmatch(fold(text.strip())) is not None


# A clock time written as a decimal number ("4.12") is as likely a rating or a section's number: a reason names a time
# by its colon, its "h" or its am/pm.
_DECIMAL = re.compile(r"\d{1,2}\.\d\d")


def is_named_clock_time(text: str) -> bool:
    """Whether a line is a clock time alone that a reason can name as one (``is_clock_line``, no bare decimal)."""
    return is_clock_line(text) and _DECIMAL.fullmatch(text.strip()) is None


# A letter's or press release's place and date, alone on its line: "Belo Horizonte, 9 de março de 2026" (a story's
# dateline goes on with its lead: "Lisboa, 3 de março de 2026 – O Governo aprovou ...").
_PLACE_AND_DATE = re.compile(rf"[^\W\d_]+(?:[ -][^\W\d_]+){{0,3}}(?: \([a-z]{{2}}\))?, {STAMP}\.?$")
# A place of up to four words and a date with its hour.
LETTER_DATE_WORDS = 12
# Names in a paper's list of authors.
AUTHOR_LIST_NAMES = 3


def is_place_and_date(lowered: str, position: Position) -> bool:
    """Whether a line among a page's first ones is a place and date alone (``lowered``: folded or normalised)."""
    return position.in_letterhead and _PLACE_AND_DATE.match(lowered) is not None


def is_letterhead_detail(text: str, position: Position) -> bool:
    """Whether a line at a page's top is a letterhead's detail: an address, contact details, a company's
    registration, or a place and date."""
    folded = fold(text)
    return is_postal_address(text) or is_contact_line(text) or is_place_and_date(folded, position) \
        or "company details" in find_cues(folded, WORD_TOKEN.findall(folded))


def word_count(count: int) -> str:
    """A segment's length as a reason says it: "1 word", "12 words"."""
    return f"{count} word" if count == 1 else f"{count} words"


def _decide_chrome(text: str, position: Position) -> tuple[str, str] | None:
    """:func:`boilerplate_reason`, or why a segment without words is left out."""
    text = without_markdown_escapes(text)
    folded = fold(text)
    tokens = folded_words(folded)
    if not tokens:
        return "no-words", "only digits or symbols"
    # A line of numbers alone (a phone number, "1938 - 2025") is not text to annotate.
    return _chrome(text, folded, tokens, position) or (
        None if any(map(str.isalpha, folded)) else ("no-words", "only digits or symbols")
    )


# A read-also heading ("Leia também", "Customers who bought this also bought") has at most this many
# words; the short lines without a sentence end under it are link titles.
LIST_HEADING_WORDS = 8
_SENTENCE_END = re.compile(r"[.!…:;]['\"”’»)\]]*$")


# Notices whose one phrase a story's sentence may hold ("The request was refused.", "The ruling does not constitute a
# precedent."): a page's notice speaks of the page, its writers or its readers, in these words (folded).
STORY_NOTICE_KINDS = ("disclaimer", "request status")
_STORY_NOTICES = frozenset(STORY_NOTICE_KINDS)
_STORY_NOTICE_REASONS = tuple(f"{kind}: " for kind in STORY_NOTICE_KINDS)
SELF_REFERENCE = frozenset(
    "this these our ours we us you your yours my mine me i site website page post posts blog article articles content "
    "video channel author authors newsletter podcast episode thread listing listings notices ads review reviews "
    "este esta estes estas isto neste nesta nestes nestas deste desta destes destas nosso nossa nossos nossas voce "
    "voces vc meu minha meus minhas eu pagina artigo artigos conteudo conteudos canal autor autora autores "
    "publicacao anuncio anuncios avisos episodio avaliacao avaliacoes".split())


# Headings of the sections left out with them: a read-also heading heads the
# titles of the stories it links, one a line; an author box's label heads the
# author's bio, a classified site's "Dicas de segurança" its tip, and a
# sponsor's label ("Sponsored") its ad: one paragraph each (PARAGRAPH_SECTIONS).
HEADED_SECTIONS = ("read-also prompt", "author bio", "safety tips", "sponsored content", "profile card")
PARAGRAPH_SECTIONS = {"author bio": "author bio", "safety tips": "safety tip", "sponsored content": "sponsored content",
                      "profile card": "a member's headline"}
# A profile line heads its member's headline ("Head of Data at Kestrel | Speaker"), a short line; a post or comment
# right under it stays.
SHORT_LINE_SECTIONS = frozenset({"a member's headline"})


def heading_of(text: str) -> str | None:
    """The kind of section (one of HEADED_SECTIONS) that ``text`` heads, if
    it is such a heading (a few words, it may end in a colon; an edit link after it is no part of it)."""
    text = EDIT_LINK.sub("", text)
    if SENTENCE_PUNCTUATION.search(text.rstrip().removesuffix(":").rstrip("*_").removesuffix(":")):
        return None
    folded = fold(text)
    tokens = WORD_TOKEN.findall(folded)
    lead = _LEADING_MARKUP.match(folded).end()  # type: ignore[union-attr]
    if not 0 < len(tokens) <= LIST_HEADING_WORDS or _SORT_CONTROL.match(folded[lead:]):
        return None
    cues = find_cues(folded, tokens, text)
    return next((kind for kind in HEADED_SECTIONS if kind in cues), None)


def in_content_list(text: str, start: int) -> bool:
    """Whether the segment at ``start`` of ``text`` is an item of a Markdown
    list that has a longer item and no links, a line of quantities next to
    another ("3 ovos" under "1 lata de leite condensado"), or a field next to
    another ("Tipo: Speed" under "Categoria: Bicicletas"): a list of things
    (ingredients, places to see, a listing's details), whose short items are
    content, not a menu of labels."""
    line_start, line_end = line_of(text, start)
    role = _list_role(text, line_start, line_end)
    if role is None:
        return _among_lines_like(text, line_start, line_end, _QUANTITY_LINE) or _among_lines_like(
            text, line_start, line_end, _FIELD_LINE)
    return role == "content"


def in_opening_menu(text: str, start: int) -> bool:
    """Whether the segment at ``start`` of ``text`` is an item of a Markdown
    list that opens the page before its heading and text: the site's menu,
    whose long items ("Cursos de programação para quem está começando do
    zero") are labels too."""
    return _list_role(text, *line_of(text, start)) == "opening menu"


def _list_role(text: str, line_start: int, line_end: int) -> str | None:
    """What the Markdown list whose item is the line is: "content" (a longer
    item and no links, or fields alone: a review's "Ficha técnica", "- Direção: ..." over "- Elenco: ..."), "links",
    "opening menu" (it opens the page before its heading and text), "labels" (short items alone), or None for a line
    that is no list item."""
    listed = _list_items(text, line_start, line_end)
    return None if listed is None else _role_of_list(*listed)


def _role_of_list(items: Sequence[str], opens_document: bool, followed: bool) -> str:
    """_list_role's answer for a list of ``items`` (see _list_items)."""
    # A list of links, or one that opens a page before its heading and text, is a menu.
    if opens_document and followed:
        return "opening menu"
    if any("](" in item for item in items):
        return "links"
    if any(len(WORD_TOKEN.findall(item)) > FRAGMENT_WORDS for item in items) or is_fields_list(items):
        return "content"
    return "labels"


def _list_items(text: str, line_start: int, line_end: int) -> tuple[list[str], bool, bool] | None:
    """The items of the Markdown list whose item is the line (the line's first), whether the list opens the
    document and whether anything follows it; None for a line that is no list item. A loose list's items have a blank
    line between them ("- 1 teaspoon salt", blank, "- 450 ml buttermilk"; probe 36): they are one list still."""
    item = _LIST_ITEM.fullmatch(text, line_start, line_end)
    if item is None:
        return None
    items = [item.group(1)]
    opens_document = line_start <= OPENING_MENU_CHARS
    for line in reversed(_without_blank_lines(text[max(0, line_start - OPENING_MENU_CHARS) : line_start], above=True)):
        if not (sibling := _LIST_ITEM.fullmatch(line)):
            opens_document = False
            break
        items.append(sibling.group(1))
    below = iter(_without_blank_lines(text[line_end + 1 : line_end + 4001], above=False))
    for line in below:
        if not (sibling := _LIST_ITEM.fullmatch(line)):
            followed = bool(line.strip()) or any(later.strip() for later in below)
            break
        items.append(sibling.group(1))
    else:
        followed = False
    return items, opens_document, followed


def _without_blank_lines(block: str, above: bool) -> list[str]:
    """The lines of ``block`` (the text above a line, whose last piece is that line's start, or the text below it),
    blank lines between a list's items left out, so that a loose list reads as one (see _list_items). Only one blank
    line between two items: two end the list, and so does a blank line at the list's edge, over or under other text."""
    lines = block.split("\n")[:-1] if above else block.split("\n")
    if above:
        lines.reverse()
    kept: list[str] = []
    for line, after in zip(lines, lines[1:] + [""]):
        # The line nearer the item is an item (the item itself at first), as is the line past the blank one.
        item_nearer = _LIST_ITEM.fullmatch(kept[-1]) if kept else True
        if line.strip() or not (item_nearer and _LIST_ITEM.fullmatch(after)):
            kept.append(line)
    if above:
        kept.reverse()
    return kept


def is_fields_list(items: Sequence[str]) -> bool:
    """Whether a list's items are two or more labelled values alone ("Autora: Lívia Maranhão", "Páginas: 312"): a
    thing's details as a review or a shop lists them. A member's card ("Posts: 2,318") is left out by its own reasons."""
    return len(items) >= 2 and all(_FIELD_LINE.match(item) for item in items)


def details_list_items(text: str, start: int) -> list[str] | None:
    """The items of the Markdown list of fields kept as content (see _list_role) whose item is the segment at ``start``
    of ``text``, or None when it is no item of one."""
    listed = _list_items(text, *line_of(text, start))
    # A list of fields is content, unless it is a menu first (it opens the page, or links).
    if listed is None or not is_fields_list(listed[0]) or _role_of_list(*listed) != "content":
        return None
    return listed[0]


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(.*?)\s*")
# A list that opens a page starts within this many characters of its top.
OPENING_MENU_CHARS = 4000
# The last character of a list item's marker ("-", "1.", "2)"), checked before the whole line.
_LIST_MARKER_ENDS = frozenset("-*+•.)")
# A quantity and a thing in lower case ("3 ovos", "1/2 xícara de água"): a
# numbered contents list capitalises its headings ("1 History"), and a day and
# its month ("1 de dezembro" under a post's counters) count nothing.
# Its unit may be glued to the number ("500g floury potatoes", "250ml de leite"; probe s50's recipe as text).
_QUANTITY_LINE = re.compile(rf"[ \t]*\d+(?:[.,/]\d+)?(?:g|kg|mg|ml|cl|dl|l|oz|lb)?[ \t]+(?![A-ZÀ-Þ])(?!(?:de )?(?i:{MONTH_NAMES})(?![^\W_]))[^\W\d_]")
# A labelled value ("Cor: prata", "Tipo: Speed"): a label of up to three words, a colon and its value.
# A field's label may be hyphenated ("Pré-Requisitos: ( DCA0101 )", found blind in probe 23), or qualified in brackets
# ("Weight (with battery): 1.4 kg", a shop's specifications; probe 28).
_FIELD_LINE = re.compile(r"[ \t]*[^\W\d_](?:[^\W_]|-)*(?: \(?(?:[^\W_]|-)+\)?){0,2}: [^\s:]")


def _among_lines_like(text: str, line_start: int, line_end: int, line: re.Pattern[str]) -> bool:
    """Whether the line matches ``line``, as does the line above or below it."""
    if not line.match(text, line_start, line_end):
        return False
    above_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    below_end = text.find("\n", line_end + 1)
    below_end = len(text) if below_end < 0 else below_end
    return (line_start > 0 and line.match(text, above_start, line_start - 1) is not None) or (
        line_end < len(text) and line.match(text, line_end + 1, below_end) is not None)


# A price alone on its line: "R$ 545.000", "£149.99", "€ 12,50", an event's "Free" or "Entrada franca".
# How far a shop's payment terms may stand from its price (see BatchLines.in_price_box).
PRICE_BOX_LINES = 2
_PRICE = re.compile(r"(?:R\$|US\$|£|\$|€) ?\d[\d.,]*|Free|Grátis|Gratuito|Entrada (?:franca|gratuita)")
# A user's handle on a member card: "greenthumb_88", "marcos.aqua", "peixeboi77".
_HANDLE = re.compile(r"[^\W_]_[^\W_]|[^\W\d_]\.[^\W\d_]|[^\W\d_]\d+\b")


# Ordinal indicators ("1ª Secretária", "2º Tesoureiro") are letters without case.
_ORDINALS = frozenset("ªº")


def in_capitals(text: str) -> bool:
    """Whether a text's letters are capitals, but for ordinal indicators ("OFÍCIO Nº 14/2025")."""
    return text.isupper() or (any(map(str.isupper, text)) and not any(
        character.islower() and character not in _ORDINALS for character in text))


# A page's skip link, its first line when a page is copied to text: "Jump to content", "Skip to main content", "Saltar
# para a navegação", "Pular para o conteúdo" (the folded line).
_SKIP_LINK = re.compile(r"(skip|jump|go|saltar|pular|ir|passar) (to|para) (the |o |a )?(main |principal )?"
                        r"(content|conteudo|navigation|navegacao|search|pesquisa|busca)(?![^\W_])")
# How far below a title under a skip link the first paragraph that names it may be: the line under the title, an
# infobox's rows (probe 44: four and five) and its caption.
TITLE_PROSE_LINES = 10


def could_be_heading(fragment: str) -> bool:
    """Whether a fragment can head a section: capitalised, not a banner in capitals nor a label ending in
    a colon ("Install with Homebrew:") or in "by" ("Written by", a byline's label over the name), no user's handle,
    no menu's separators."""
    letter = next((character for character in fragment if character.isalpha() and character not in _ORDINALS), "")
    return letter.isupper() and not fragment.isupper() and not fragment.endswith(":") \
        and not ends_in_by(fragment) and not has_handle(fragment) and not has_menu_separator(fragment)


_DIGIT = re.compile(r"\d")


def has_handle(text: str) -> bool:
    """Whether ``text`` holds a user's handle (_HANDLE). Each of its forms holds an underscore, a dot or a digit: a look
    for each spares most lines the search, which tries its three forms from every position."""
    return ("_" in text or "." in text or _DIGIT.search(text) is not None) and _HANDLE.search(text) is not None


# A table's datum on a short line: a digit (an hour, a room, a price), a
# price word, a weekday or a month ("6.30am - 7.15am", "Studio 2", "Terça-feira").
_TABLE_DATUM = re.compile(
    r"\d|r\$|£|\$|€|\b(?:free|gratis|gratuito|(?:segunda|terca|quarta|quinta|sexta)(?:-feira)?|sabado|domingo"
    rf"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|{MONTH_NAMES})\b")
# A profile card's count ("Mensagens: 18", "Posts: 2,410") is no table's datum.
_CARD_COUNT = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)?: ?[\d.,]+")
# A table between content lines has at least this many fragments; fewer are
# the two that heads_a_section already weighs.
TABLE_MIN_LINES = 3


def reads_as_table(lines: Sequence[str]) -> bool:
    """Whether a run of short lines reads as a table's cells (a timetable, a
    menu of dishes by day, a price list) rather than a menu of links: a
    datum on a quarter of its lines or more, and a datum or two words or
    more ("Yoga Flow", "Salada de alface") on half of them or more. A site's
    menu ("Home", "About us", "Contact") names pages, with no hours, prices or
    days; a forum's member card holds a name, a role and a count of posts."""
    data = [_TABLE_DATUM.search(fold(line)) is not None and _CARD_COUNT.fullmatch(line) is None for line in lines]
    cells = sum(datum or len(line.split()) > 1 for datum, line in zip(data, lines))
    return 4 * sum(data) >= len(lines) and 2 * cells >= len(lines)


# A match's result on its line: a team of up to four words each side of the score ("Benfica 3-0 Estoril",
# "FC Porto 1 x 0 Rio Ave"), no sentence end.
_TEAM = r"[A-ZÀ-Þ](?:[^\W\d_]|[.'’-])*(?: (?:[^\W\d_]|[.'’-])+){0,3}"
_RESULT_LINE = re.compile(rf"{_TEAM} \d{{1,3}} ?[-x×–] ?\d{{1,3}} {_TEAM}")
# A run of this many results or more is a box of a round's results beside the story (a report's own score stands
# alone: "Braga 2-1 Vitória SC.").
RESULTS_MIN_LINES = 3


# A forwarded or quoted e-mail's header, one field a line: "From: ...", "Subject: ...", "De: ...", "Enviado em: ...".
# A video's chapter, a short line opened by the time it starts at ("00:00 Introdução", "02:15 O que mudou"); its list
# starts at zero. A transcript's timestamped lines are what was said, sentences.
_CHAPTER_LINE = re.compile(r"\(?(?:\d{1,2}:)?\d{1,2}:\d\d\)?\s+(?:[-–—]\s+)?[^\W\d_]")
_ZERO_TIME = re.compile(r"\(?(?:0?0:)?0?0:00(?!\d)")
CHAPTERS_MIN_LINES = 3


def is_chapter_line(text: str) -> bool:
    """Whether a line is a video's chapter: its start time and a short title, no sentence."""
    return _CHAPTER_LINE.match(text) is not None and _is_short_line(text, LIST_HEADING_WORDS)


# A match's minute-by-minute entry, opened by its minute and a quote mark ("78' Substituição no Vitória: ...", "90+3’
# Golo do Braga!"); a run of them is the page's live ticker (probe 38), which the report tells in its own words.
_MATCH_MINUTE = re.compile(r"\d{1,3}(?:\+\d{1,2})?['’′]\s+[^\W\d_]")
TICKER_MIN_LINES = 3


def is_ticker_line(text: str) -> bool:
    """Whether a line opens with a match's minute and its quote mark."""
    return _MATCH_MINUTE.match(text) is not None


# A table's row flattened to a line, its label and value split by a tab, as a wiki's infobox is copied to text (probe
# 44: "Comprimento\t45 km", "Foz\tRio Tejo, Vila Franca de Xira", "Coordenadas\t38° 57′ 10″ N, 8° 59′ 30″ O"): a run
# of them is the box beside the article, which its prose tells in its own words. A tab inside a sentence is no row.
TABLE_ROWS_MIN_LINES = 3


def is_tab_separated_row(text: str) -> bool:
    """Whether a line is a short label and its value split by a tab, no sentence."""
    label, tab, value = text.strip(" ").partition("\t")
    return bool(tab) and bool(label.strip()) and bool(value.strip()) and _is_short_line(text, SHORT_WORDS)


# A table of contents' entry numbered without a leader of dots, as a wiki's contents box is copied to text ("1
# Percurso", "2.1 Cheias"); a run of them from 1 under the box's label ("Índice", "Contents") is the box (probe 44).
_NUMBERED_ENTRY = re.compile(r"(\d{1,2})(?:\.\d{1,2})*\.? [^\W\d_]")
_CONTENTS_LABEL = re.compile(r"(?:indice|contents|table of contents|conteudo|conteudos|sumario|on this page|in this article|"
                             r"nesta pagina|neste artigo)")
CONTENTS_MIN_LINES = 3


def is_numbered_entry(text: str) -> bool:
    """Whether a line is a number and a short title, no sentence (a contents box's entry)."""
    return _NUMBERED_ENTRY.match(text) is not None and _is_short_line(text, LIST_HEADING_WORDS)


_MAIL_FIELD = re.compile(
    r"(from|de|to|para|cc|bcc|cco|date|data|sent|enviad[ao](?: em)?|subject|assunto|reply-to|responder a) ?:",
    re.IGNORECASE)
# The header has a sender and a subject among this many lines or more (a listing's "Data:" and "Local:" are no mail).
MAIL_HEADER_MIN_LINES = 3
_SENDER_FIELDS, _SUBJECT_FIELDS = frozenset({"from", "de"}), frozenset({"subject", "assunto"})


# A sign-off over a signature: a few words ending in a comma ("Abraço,", "Best regards,", "Yours sincerely,").
SIGN_OFF_WORDS = 3
# A signature's line: a short line without a sentence end, or a company's name of a few words that may close with an
# abbreviation ("Laticínios Serrana Ltda."); never longer than this many characters, so that the paragraphs around a
# short line are not folded to count their words.
SIGNATURE_NAME_WORDS = 4
SIGNATURE_LINE_CHARS = 200


# A letter's salutation, which ends in a comma as a sign-off does but opens the letter ("Dear Ms Carter,", "Exma.
# Senhora Vereadora,", "Prezado Senhor,"): the short line under it is the letter's subject, no signature.
_SALUTATION = re.compile(r"(dear|caro|cara|caros|caras|prezad[oa]s?|exm[oa]s?|estimad[oa]s?|querid[oa]s?|ilustre|"
                         r"ilm[oa]s?|hi|hello|ola|oi)(?![^\W_])")


def is_sign_off(text: str) -> bool:
    """Whether a line is a sign-off: a few words ending in a comma, no salutation."""
    stripped = text.strip()
    if not stripped.endswith(","):
        return False
    folded = fold(stripped)
    return len(WORD_TOKEN.findall(folded)) <= SIGN_OFF_WORDS and _SALUTATION.match(folded) is None


def _in_signature(text: str) -> bool:
    """Whether a line can be one of a signature's: short and no sentence, or of a few words whatever its end (a
    company's name closing with "Ltda."); not a line ending in a comma (a sign-off or greeting)."""
    stripped = text.rstrip()
    if len(stripped) > SIGNATURE_LINE_CHARS or stripped.endswith(","):
        return False
    words = len(WORD_TOKEN.findall(fold(stripped)))
    return words <= SIGNATURE_NAME_WORDS or (words <= SHORT_WORDS and not SENTENCE_PUNCTUATION.search(stripped))


def mail_field(text: str) -> str | None:
    """The field (lower case) a line of an e-mail's header opens with, if it opens with one."""
    if text.find(":", 0, 16) < 0:
        return None
    match = _MAIL_FIELD.match(text)
    return match.group(1).lower() if match else None


def is_result_line(text: str) -> bool:
    """Whether a line is a match's result alone ("Benfica 3-0 Estoril"), as a results box lists them."""
    stripped = text.strip()
    return _RESULT_LINE.fullmatch(stripped) is not None and not SENTENCE_PUNCTUATION.search(stripped)


# A credit: a label of up to three words and the names it credits ("Director: Eleanor Price", "Reportagem: Larissa
# Menezes, Diego Farias"), as a film's credits and a magazine's masthead list them.
_CREDIT_FIELD = re.compile(rf"[^\W\d_][\w-]*(?: [\w-]+){{0,2}}: {_NAME_WORD}(?:(?:,? | e | and | & )(?:(?:"
                           rf"{'|'.join(sorted(_NAME_PARTICLES))}) )?{_NAME_WORD})*")
# Labels that name what people did on a film or a publication: directing, writing, acting, filming, music, editing,
# producing, reporting, design (word starts, folded).
_CREDIT_ROLE = re.compile(r"(?<![^\W_])(direct|diret|direc|realiza|writ|screenplay|argument|roteir|cast|elenco|starring|"
                          r"cinematograph|fotograf|photograph|music|edit|montag|produc|produt|design|reporta|redac|"
                          r"illustra|ilustra|publisher|coordena|trilha|sound|"
                          # ... and a show's (probe 38): "Apresentação:", "Edição de som:", "Locução:", "Host:".
                          r"apresenta|edica|locuc|narra|host)")
# Credits in a run: lines, and how many of them must name a role.
CREDITS_MIN_LINES, CREDIT_ROLES_MIN = 3, 2
# A price closing a short line, its currency before or after it: "Cleaning fee £60", "Renda mensal 950 €".
_PRICE_AT_END = re.compile(r"(?:(?:R\$|US\$|£|\$|€) ?\d(?:[\d.,\s]*\d)?|\d(?:[\d.,\s]*\d)? ?(?:€|euros?))$")
PRICE_LINE_WORDS = 8
# A price breakdown in a booking or listing box: this many price lines or more, one of them its total.
PRICE_LINES_MIN = 3
_TOTAL = re.compile(r"(?:sub)?total(?![^\W_])")


def roles_named(fields: Iterable[str]) -> int:
    """How many of the labelled lines name what people did (_CREDIT_ROLE) by their label."""
    return sum(_CREDIT_ROLE.search(fold(field.split(":", 1)[0])) is not None for field in fields)


def is_credit(text: str) -> bool:
    """Whether a line is a label and the names it credits alone."""
    return text.find(":", 0, 40) > 0 and _CREDIT_FIELD.fullmatch(text.strip()) is not None


def is_credits_line(text: str) -> bool:
    """Whether a line is credits set out between dots, CREDIT_ROLES_MIN of them or more naming what people did: a
    show's under its episode ("Apresentação: Inês Calado · Edição de som: Tiago Reis · Música: Banda do Larouco")."""
    if text.count(":", 0, 200) < CREDIT_ROLES_MIN:
        return False
    fields = _DETAIL_SEPARATOR.split(text.strip())
    return len(fields) >= CREDIT_ROLES_MIN and all(map(is_credit, fields)) and roles_named(fields) >= CREDIT_ROLES_MIN


# A price set apart from its label by a drawn mark ("Plateia A · 32,00 €", "Adults – £12"): a price list's line, as a
# box office gives it. A field's colon ("Educação Infantil: R$ 1.480,00") is a school's fees in its notice (probe 29).
_PRICE_SET_APART = re.compile(rf"\s[·•|–—-]\s+(?:{_PRICE_AT_END.pattern})")
# A price list's label, folded: "Preços", "Bilhetes e preços", "Tabela de preços", "Tickets". A menu's "Entradas" is
# its starters.
_PRICE_LIST_LABEL = re.compile(r"(?:(?:tabela|lista) de )?(?:precos|precario|bilhetes|bilheteira|ingressos|tarifas|"
                               r"prices|tickets|admission|fees)(?: (?:e|and) (?:precos|bilhetes|ingressos|prices|tickets))?")
# A price alone, as an item between separators: "7,50 €", "R$ 80,00".
_PRICE_ALONE = re.compile(_PRICE_AT_END.pattern, re.IGNORECASE)


def is_price_line(text: str) -> bool:
    """Whether a short line ends in a price, with no sentence before it ("Total before taxes £1,054")."""
    stripped = text.strip()
    return stripped[-1:] in "0123456789€sS" and len(stripped.split()) <= PRICE_LINE_WORDS \
        and _PRICE_AT_END.search(stripped) is not None and _SENTENCE_INSIDE.search(stripped) is None


# Words that open a section's label rather than a name: "About Ledgerline", "Sobre a Empresa", "For Schools".
_LABEL_OPENERS = frozenset("about sobre for para with com from by por".split())


# A plain heading asked as a question without its mark, as a service page's sections are ("Quem pode solicitar",
# "Como pedir", "Who can apply").
_QUESTION_HEADING = re.compile(r"(?:quem|como|onde|quando|quanto|quantos|quantas|qual|quais|o que|por que|porque|"
                               r"who|how|what|when|where|which|why)\b")


def asks_a_question(fragment: str) -> bool:
    """Whether a fragment opens with a question word ("Quem pode solicitar", "How to apply")."""
    return _QUESTION_HEADING.match(fold(fragment)) is not None


def names_something(fragment: str) -> bool:
    """Whether a fragment is a name: two capitalised words or more, not a label opened by a preposition."""
    words = fragment.split()
    return sum(word[0].isupper() for word in words) >= 2 and words[0].casefold() not in _LABEL_OPENERS


# An office a letter or notice is signed with, under the signatory's name ("Chair of Trustees", "Prefeito Municipal").
_OFFICE = re.compile(
    r"\b(chair|chairman|chairwoman|chairperson|president|director|head|manager|secretary|treasurer|officer|editor|"
    r"founder|ceo|trustees?|clerk|mayor|councillor|rector|vicar|pastor|presidente|diretora?|secretari[ao]|"
    r"coordenadora?|gerente|prefeit[ao]|fundadora?|tesoureir[ao]|vigario|paroco|reitora?|superintendente|"
    r"procuradora?|vereadora?|chefe)\b")


# A paper's or report's opening section, a heading wherever it stands over prose (under the journal's dates line, the
# authors): "Abstract", "Resumo", "Introdução" (probe 30). Its later sections stand between paragraphs (see
# heads_prose_between_prose); a forum post's flair ("Discussion" under its author's handle) is no paper's. A repository
# record's "Resumo:" is a field's label over its value, as could_be_heading has a colon's.
# A release's heading in a changelog (probe s47): its version's word and number, maybe its date after a dash or in
# brackets, alone on its line ("Version 2.14.0", "Versão 3.1 — 12 de março de 2026", "Versão 5.1 (20 de novembro de
# 2026)"). A bare tag ("v2.4.0", a release page's chrome in probe 24) names no heading.
_RELEASE_HEADING = re.compile(r"(?:version|versao|release) \d+(?:\.\d+)+(?: ?[—–-] ?[^.!?]{4,40}| ?\([^()]{4,40}\))?")
# Keep a Changelog's release heading, its version in brackets and maybe its date (s47-cleaning2, s48-cleaning): "[2.8.1]
# - 2026-11-30", "[Unreleased]".
# An issue's number closing a bulletin's name line: "Parish News No. 233", "Boletim n.º 412", "Newsletter #58".
_ISSUE_NUMBER_END = re.compile(r"(?<![^\W_])(?:no\.?|n\.?[oº]\.?|#) ?\d+$")
# A kind of change under a release's heading has at most this many words ("Added", "Breaking changes").
CHANGE_KIND_WORDS = 2
_BRACKETED_RELEASE = re.compile(r"\[(?:v?\d+(?:\.\d+)+(?:-[\w.]+)?|unreleased)\](?: ?[—–-] ?\d{4}-\d\d-\d\d)?(?: \[yanked\])?")
_PAPER_SECTION = re.compile(r"abstract|resumo|resumen|summary|sumario|introduction|introducao|introduccion")
# A paper's highlights: its findings in a few short sentences under the heading (found blind in probe 31: "Highlights"
# over "Coral colonies spawn within the same hour on one night of the year.").
_PAPER_HIGHLIGHTS = "highlights"


# The letters two words must open with alike to name the same thing ("transcript" and "transcripts", "transcrição" and
# "transcrita").
NAME_STEM_CHARS = 6


def names_the_same_thing(heading_words: Sequence[str], line_words: Sequence[str]) -> bool:
    """Whether a line names what a heading names: a word of the heading's of NAME_STEM_CHARS letters or more opens as
    one of the line's does."""
    stems = {word[:NAME_STEM_CHARS] for word in heading_words if len(word) >= NAME_STEM_CHARS and word.isalpha()}
    return any(word[:NAME_STEM_CHARS] in stems for word in line_words if len(word) >= NAME_STEM_CHARS)


def names_an_office(line: str) -> bool:
    """Whether a short line is an office under a signatory's name ("Chair of Trustees", "Head of Planning Services")."""
    # The office first: nearly every line names none, and could_be_heading's searches cost more.
    return _OFFICE.search(fold(line)) is not None and could_be_heading(line) and _is_short_line(line, LIST_HEADING_WORDS)


def heads_a_paragraph(fragment: str, following: Sequence[str]) -> bool:
    """Whether a fragment of two words or more opens one of the ``following``
    segments, which says more: a name or title heading its paragraph
    ("Margaret Ellen Hollis" over "Margaret Ellen Hollis, of Ashford, died ...")."""
    heading = normalise(fragment)
    if len(heading.split()) < 2:
        return False
    return any(
        (text := normalise(later)).startswith(heading) and len(text) > len(heading) and not text[len(heading)].isalnum()
        for later in following
    )


# A channel's or newsletter's badge under its name: its subscribe, follow or join button alone, or its count of
# subscribers ("Subscribe", "Seguir", "8.472 inscritos", "Over 12K followers").
# The head noun of an organisation's name: "Paróquia de São Martinho", "Junta de Freguesia de Arcozelo", "Friends of
# Heathfield Park", "School of Geosciences".
_ORGANISATION = re.compile(
    r"(paroquia|igreja|diocese|arquidiocese|junta|camara|municipio|prefeitura|associacao|clube|fundacao|sociedade|"
    r"agrupamento|escola|colegio|faculdade|departamento|instituto|cooperativa|irmandade|confraria|sindicato|santa casa|"
    r"parish|church|council|association|club|foundation|society|trust|friends of|school of|faculty of|department of|"
    r"institute of)(?![^\W_])")
PUBLISHER_NAME_WORDS = 8
# The small words inside an organisation's name: "Banco Alimentar Contra a Fome", "Friends of the Earth".
_ORGANISATION_PARTICLES = _TITLE_PARTICLES | {"a", "o", "as", "os", "para", "em", "com", "and", "for", "in", "on", "at",
                                              "&"}


def is_publisher_name(line: str, document: str, end: int) -> bool:
    """Whether a line under a page's title is the name of who publishes it, page chrome: a name (every word capitalised
    but its particles, no figures) that opens with an organisation's head noun or that the page repeats below (its
    footer's "© 2026 Paróquia de São Martinho"). A subtitle says something ("Uma festa com 300 anos de história"); a
    name not repeated, of no organisation, may be the story's subject."""
    words = line.split(None, PUBLISHER_NAME_WORDS)  # a paragraph's words past the name's most are not split
    if not 2 <= len(words) <= PUBLISHER_NAME_WORDS or not _is_short_line(line, PUBLISHER_NAME_WORDS) \
            or any(map(str.isdigit, line)):
        return False
    if not all(word[0].isupper() or word.casefold() in _ORGANISATION_PARTICLES for word in words):
        return False
    return _ORGANISATION.match(fold(line)) is not None or document.find(line.strip(), end) != -1


_ACRONYM_AND_NAME = re.compile(r"([A-ZÀ-Þ]{2,8}) [-–—:] (.+)")


def is_acronym_and_name(line: str) -> bool:
    """Whether a line is an acronym and the name it stands for: every word of the name capitalised but its particles,
    the acronym's letters the initials of some of its words in order, the first word's first ("SIGAA - Sistema
    Integrado de Gestão de Atividades Acadêmicas", "UFRN - Universidade Federal do Rio Grande do Norte")."""
    match = _ACRONYM_AND_NAME.fullmatch(line.strip())
    if match is None:
        return False
    words = match.group(2).split()
    if len(words) > PUBLISHER_NAME_WORDS or not all(
            word[0].isupper() or word.casefold() in _ORGANISATION_PARTICLES for word in words):
        return False
    initials = iter(fold(word[0]) for word in words if word[0].isupper())
    acronym = fold(match.group(1))
    return next(initials, "") == acronym[0] and all(letter in initials for letter in acronym[1:])


_CHANNEL_BADGE = re.compile(
    r"(subscribe|subscrever|subscreva|assinar|assine|inscrever-se|inscreva-se|seguir|follow|join|aderir)"
    r"|(?:(?:over|more than|mais de) )?\d[\d.,]*(?: ?(?:k|m|mi|mil))? "
    r"(?:subscribers|subscritores|inscritos|assinantes|members|membros|followers|seguidores)")


def names_a_channel(position: Position, below_text: str) -> bool:
    """Whether a page's first line is the name of the channel or newsletter that posts it ("Céu Aberto – Notícias
    Espaciais" over "8.472 inscritos", "The Public Health Brief" over "Subscribe"): right above its badge. A story's
    headline is over its byline, date or lead."""
    return position.index == 0 and _CHANNEL_BADGE.fullmatch(fold(below_text).strip()) is not None


def site_header_reason(
    text: str, words: int, position: Position, chrome_above: bool, below: Sequence[tuple[str, tuple[str, str] | None]],
    over_title: bool = False, is_title: bool = False,
) -> tuple[str, str] | None:
    """Why a line in a page's header (see :class:`BatchLines`) is the
    site's name or tagline: short, no sentence, and among the page's first
    EDGE_SEGMENTS lines right above its menu (or between chrome lines above a
    one-word label: "Rádio Serrana — a voz da Serra" under a listen-live bar,
    over "Menu"); lower down, or above one more short line ("Paróquia Nossa
    Senhora Aparecida" over "Arquidiocese de Campinas" over "Início | A
    Paróquia | ..."), right above the site's own menu (a breadcrumb or four
    items at least). A story's headline sits above its byline, price, lead or
    a line of its details ("Maracanã · Público: 62.418") instead. A Markdown
    page marks its title: a short line between the chrome above and that
    ``# title`` (``over_title``) is the site's name or a section's label
    ("Município de Vila Verde" under the menu). A line marked as the page's
    title (``is_title``, an HTML page's <h1>) over a line with figures but
    years is the page's title over its details and a link, as a site's menu
    holds none ("Module catalogue 2027/28 · View another year", a hotel's
    "The Croft, Tenby SA70 8AP, Wales – Show on map"; probe 41). ``below``:
    the next two lines and their decisions."""
    if not below or words > SHORT_WORDS or SENTENCE_PUNCTUATION.search(text):
        return None
    # A changelog's release heading ("[3.1.0] - 2026-11-28") over its kinds of change and their items is none.
    # Folded, as is_release_heading asks it: Keep a Changelog spells "[Unreleased]" with a capital (s48-cleaning's blind).
    if text[:1] == "[" and _BRACKETED_RELEASE.fullmatch(fold(text).rstrip()) is not None:
        return None
    if over_title and chrome_above:
        return "boilerplate", f"a site's name or label between the chrome above and the page's title; {word_count(words)}, " \
                              f"{position.describe()}"
    # ... or a page's first line over its title, a name and its section or tagline set apart by a middle dot ("Casa
    # Minho Imobiliária · Comprar, arrendar e vender em Braga" over "# Moradia T4 ...", s47-cleaning2; a fair's name
    # and venue, s48-cleaning): a page's own title is its marked one.
    if over_title and position.index == 0 and " · " in text:
        return "boilerplate", f"a site's name and its section or tagline over the page's title; {word_count(words)}, " \
                              f"{position.describe()}"
    if position.index == 0 and _names_site_and_section(text) and _plain_title_over_prose(below):
        return "boilerplate", f"a site's name and its section over the page's title and its prose; {word_count(words)}, " \
                              f"{position.describe()}"
    below_text = below[0][0]
    if is_wiki_origin(below_text):
        return None  # a wiki article's title over its origin line, which a cue leaves out as navigation (s52-cleaning2)
    if names_a_channel(position, below_text):
        return "boilerplate", f"a channel's or newsletter's name over its subscribe button or count; {word_count(words)}, " \
                              f"{position.describe()}"
    # A name or tagline holds no figures but a year (a headline's price or date does; a tagline may say since when:
    # "Receitas de família desde 2012"), and a page's title over figures is over its details, not a menu.
    below_has_years_only = all(_YEAR.fullmatch(number) for number in _NUMBER.findall(below_text))
    # ... nor over a labelled field, its details too: a menu's first item has no label ("Published by: Leeford City
    # Council · Updated monthly" under an open-data page's <h1>, s49-cleaning).
    if is_title and (not below_has_years_only or _FIELD_LINE.match(below_text) is not None):
        return None
    # ... nor over a line of two or three items over prose kept: a posting's details under its <h1> ("Rio Verde (GO) ·
    # Presencial · CLT" over the job's text, s50-cleaning2's blind); a site's own menu has four items or more.
    if is_title and not is_site_menu(below_text) and _kept_prose(below[1:]):
        return None
    if _right_above_a_menu(text, position, chrome_above, below) \
            or below_has_years_only and _above_a_name_and_a_menu(position, below):
        return "boilerplate", f"a site's name or tagline above its menu; {word_count(words)}, {position.describe()}"
    return None


# A site's name of two words or more and its section of one or two, set apart by a middle dot, no figures: "Classificados
# Gazeta do Vale · Veículos".
_SITE_AND_SECTION = re.compile(r"[^\W\d_][^\d·|]*\s[^\W\d_][^\d·|]* · [^\W\d_]+(?:[ -][^\W\d_]+)?")


def _names_site_and_section(text: str) -> bool:
    """Whether a line is a site's name and its section (``_SITE_AND_SECTION``)."""
    return " · " in text and _SITE_AND_SECTION.fullmatch(text.rstrip()) is not None


def _plain_title_over_prose(below: Sequence[tuple[str, tuple[str, str] | None]]) -> bool:
    """Whether the two lines under a page's first line are a plain title kept (a few words, no stop) over a paragraph
    kept that ends a sentence: an unmarked page's title and its text, as a plain-text classified ad or notice opens
    (s48-cleaning2; s47-cleaning2's "Classificados Gazeta do Vale · Veículos" over "Vendo Gol 1.6 2014, completo,
    único dono"). A Markdown page marks its title instead (``over_title``); a headline with its lead holds no middle
    dot in the line above."""
    if len(below) < 2 or below[0][1] is not None or below[1][1] is not None:
        return False
    (title, _chrome), (prose, _prose_chrome) = below
    return _is_short_line(title, SHORT_WORDS) and SENTENCE_PUNCTUATION.search(prose.rstrip()) is not None \
        and len(prose) > len(title)


def _kept_prose(lines: Sequence[tuple[str, tuple[str, str] | None]]) -> bool:
    """Whether the first of ``lines`` (a line and its decision) is a paragraph of prose kept by its own decision."""
    return bool(lines) and lines[0][1] is None and not _is_short_line(lines[0][0], SHORT_WORDS) \
        and ends_as_prose(lines[0][0])


def _right_above_a_menu(
    text: str, position: Position, chrome_above: bool, below: Sequence[tuple[str, tuple[str, str] | None]]
) -> bool:
    """Whether a short line in a page's header is right above a menu (see :func:`site_header_reason`): among the
    page's first EDGE_SEGMENTS lines any menu but a line of details, or what stands for one there; lower down, the
    site's own menu."""
    below_text, below_chrome = below[0]
    if position.index >= EDGE_SEGMENTS:
        return below_chrome is not None and is_site_menu(below_text) and _DETAILS_FIGURE.search(fold(below_text)) is None
    # A line of an episode's or story's details with its date, hours or length under a title is no menu
    # ("Season 4 · 12 March 2025 · 48 min").
    if _is_menu_line(below_text, below_chrome) and _DETAILS_FIGURE.search(fold(below_text)) is None:
        return True
    # A page's first line that names a system or body by its acronym and what it stands for, over another short
    # line, is the site's name ("SIGAA - Sistema Integrado de Gestão de Atividades Acadêmicas" over the
    # university's name); the same line over prose is an article's title.
    return _over_labels_or_buttons(position, chrome_above, below) or (
        position.index == 0 and is_acronym_and_name(text) and _is_short_line(below_text, PUBLISHER_NAME_WORDS))


def _over_labels_or_buttons(
    position: Position, chrome_above: bool, below: Sequence[tuple[str, tuple[str, str] | None]]
) -> bool:
    """Whether a line among a page's first lines stands where a site's name does over a menu of one item a line: over
    a one-word label between chrome lines, or as the page's first line over two such labels ("Blog do Mercado da
    Bola" over "Início" and "Transferências"; a headline is over its byline) or over two of the site's buttons
    ("Diário do Minho Interior" over "Assine já" over "Entrar"; found blind in probe 27; a headline is over its byline
    or lead)."""
    one_word_labels = sum(chrome is not None and chrome[0] == "fragment" and _PLAIN_WORD.fullmatch(line) is not None
                          for line, chrome in below)
    if chrome_above and one_word_labels >= 1 and _PLAIN_WORD.fullmatch(below[0][0]) is not None:
        return True
    if position.index != 0:
        return False
    return one_word_labels == 2 or sum(
        chrome is not None and chrome[1].startswith(_HEADER_BUTTON_KINDS)
        and len(WORD_TOKEN.findall(fold(line))) <= FRAGMENT_WORDS for line, chrome in below) == 2


def _above_a_name_and_a_menu(position: Position, below: Sequence[tuple[str, tuple[str, str] | None]]) -> bool:
    """Whether a line is above one more short line, a name or tagline (holding no figures but years, which the caller
    checks), that is above the site's own menu; among the page's first lines, above a menu of three links too, under a
    tagline of more words, no sentence ("# Cadernos do Sul" over "Viagens devagar pelo Alentejo e pelo Algarve" over
    "[Início](/) · [Sobre](/sobre) · [Contacto](/contacto)", probe 33)."""
    if len(below) < 2:
        return False
    below_text, (under_text, under_chrome) = below[0][0], below[1]
    return (_is_short_line(below_text, AUTHOR_LINE_WORDS) and is_site_menu(under_text)) or (
        position.index < EDGE_SEGMENTS and _is_short_line(below_text, SHORT_WORDS)
        and _is_menu_line(under_text, under_chrome) and _DETAILS_FIGURE.search(fold(under_text)) is None)


# The kinds of a site's buttons in its header: "Entrar", "Sign in", "Assine já", "Subscribe".
_HEADER_BUTTON_KINDS = ("button or link label", "subscribe prompt", "account notice")
_DATE_IN_LINE = re.compile(rf"(?<![^\W_]){STAMP}")
# What makes a line of separated items an event's or episode's details under its title rather than a menu: a date, its
# hours ("Terça a domingo · 12h00–15h00", a restaurant's; probe 40) or a length ("▶ Ouvir · 52 min · Baixar MP3"); or a
# listing's price under its title ("650 € · Negociável", s48-cleaning's classified ad).
_DETAILS_FIGURE = re.compile(rf"{_DATE_IN_LINE.pattern}|{_HOURS_SPAN.pattern}|\b\d{{1,3}} ?(?:min|mins|minutos|minutes)\b"
                             r"|\d ?€|[€£$] ?\d")
_NUMBER, _YEAR = re.compile(r"\d+"), re.compile(r"(?:19|20)\d\d")


def is_site_menu(text: str) -> bool:
    """A site's own menu: a breadcrumb, or a line of four items or more (a
    line of two or three is as often a story's details: "Cooperativa Vale
    Verde · Chapecó (SC) · Híbrido")."""
    folded = fold(text)
    if not _is_menu(folded) or is_data_table(text):
        return False
    if "](" in folded and _is_link_line(folded):
        return len(_MARKDOWN_LINK.findall(folded)) >= 4
    return len(_BREADCRUMB_SEPARATOR.split(folded)) >= 3 or len(
        [item for item in _MENU_SEPARATORS.split(folded) if item.strip()]) >= 4


# The characters a breadcrumb's separators fold from (each its own, and "≯" folds to ">"; checked over every code
# point): a line without two of them has no three crumbs, which is told without folding it.
_CRUMB_SEPARATOR_CHARACTERS = ">›»/≯"


def may_be_breadcrumb(text: str) -> bool:
    """Whether ``text`` holds two characters a breadcrumb's separators can fold from (most lines hold none). A look for
    each character, then a count of those there, scans faster than a search for a character class, which tests each
    character in turn."""
    present = [character for character in _CRUMB_SEPARATOR_CHARACTERS if character in text]  # "in": a fast scan
    return bool(present) and sum(map(text.count, present)) >= 2


def is_breadcrumb(text: str) -> bool:
    """A menu of three items or more between a breadcrumb's separators ("Home / Study / Courses")."""
    if not may_be_breadcrumb(text):
        return False
    folded = fold(text)
    return len(_BREADCRUMB_SEPARATOR.split(folded)) >= 3 and _is_menu(folded)


def ends_breadcrumb(breadcrumb: str, title: str) -> bool:
    """Whether ``title`` is the last item of ``breadcrumb`` (the line above it): the page's title, as the trail ends on
    the page itself ("Home > Parents > Letters Home > Sports Day" over "Sports Day")."""
    if not may_be_breadcrumb(breadcrumb):
        return False
    folded = fold(breadcrumb)
    crumbs = _BREADCRUMB_SEPARATOR.split(folded)
    return len(crumbs) >= 3 and crumbs[-1].strip() == fold(title).strip() and _is_menu(folded)


def _is_menu_line(text: str, chrome: tuple[str, str] | None) -> bool:
    """A line left out as a menu (a byline with its date after a "·" is no menu, nor a story's listen button,
    nor is a bar of share or listen-on links or of the page's tools, every item one, which goes with
    the title above it: "Ouça no Spotify | Apple Podcasts | Deezer" under an
    episode's title; "Listen live | News | Sport" is a radio's menu; nor a sentence about the page)."""
    if chrome is None or chrome[1].startswith(("byline or credit", "audio player")) or not is_navigation(text):
        return False  # a story's "Ouvir notícia · 3 min" under its title is its tool (probe 33)
    items = [fold(item) for item in _MENU_SEPARATORS.split(text) if item.strip()]
    # One item ending in a sentence's stop is a line about the page, no menu: an encyclopedia's "Origem: Wikipédia, a
    # enciclopédia livre." under the article's title.
    if len(items) == 1 and SENTENCE_PUNCTUATION.search(text):
        return False
    return not all("share prompt" in find_cues(item, WORD_TOKEN.findall(item)) or _PAGE_TOOL.fullmatch(item)
                   for item in items) \
        and not _is_details_line(items)


# A page's own tool under its title, as a recipe blog's bar gives them (probe 28): "Pular para a receita · Imprimir
# receita", "Jump to Recipe · Print Recipe · Pin". A site's menu names its sections.
_PAGE_TOOL = re.compile(r"(?:(?:jump|skip|go) to|pular para|saltar para|ir para) (?:the |a |o )?(?:recipe|receita|comments|"
                        r"comentarios|reviews|avaliacoes)|(?:print|imprimir|save|salvar|guardar|pin|rate|avaliar)"
                        r"(?: (?:the |this |a |esta |o )?(?:recipe|receita|article|artigo|post))?")


# A field's label and its value: "Preparo: 20 min", "Dificuldade: moderada".
_FIELD_ITEM = re.compile(r"\s*[^\W\d_]+(?: [^\W\d_]+){0,2}: [^\s:]")


# ... whose value is a quantity, a number and its unit: "20 min", "6 porções", "14 km".
_FIELD_QUANTITY = re.compile(r"\s*[^\W\d_]+(?: [^\W\d_]+){0,2}: \d[\d.,/]* ?[^\W\d_]")


def is_fields_line(items: Sequence[str]) -> bool:
    """Whether a line's items are each a field's label and its value, mostly quantities: a recipe's or a trail's
    details ("Preparo: 20 min | Cozimento: 40 min | Rende: 6 porções", "Distância: 14 km · Duração: 5 h · Dificuldade:
    moderada"; probe 32), which a reader needs as the ingredients. A menu's items are names of pages, and a member's
    card gives a date and counts ("Joined: Mar 2016 · Posts: 2,318 · Location: Leeds")."""
    if len(items) < 2 or not all(_FIELD_ITEM.match(item) for item in items):
        return False
    quantities = sum(_FIELD_QUANTITY.match(item) is not None for item in items)
    return quantities >= 2 and 2 * quantities >= len(items)


def _is_details_line(items: Sequence[str]) -> bool:
    """Whether a line's items are mostly figures, as a title's details are ("T2 · Ep. 5 · 48 min · 2025 · M/6",
    "Length 11.2 km · Elevation gain 412 m · Estimated time 3h 40m · Loop"); a menu's items are words."""
    with_figures = sum(any(character.isdigit() for character in item) for item in items)
    return with_figures >= 2 and 2 * with_figures >= len(items)


# An ad slot's label alone on its line: the story may continue under it.
_AD_SLOT = re.compile(r"\W*(publicidade|advertisement|advertising|anuncio|ads?|continua (apos|depois d)a publicidade|"
                      r"(the )?(story|article) continues below( advertisement)?)\W*")


def is_ad_slot(text: str) -> bool:
    """Whether a line marks an ad's place, which the text around it goes on under ("Publicidade", "Advertisement")."""
    return _AD_SLOT.fullmatch(fold(text)) is not None


def footer_line_reason(text: str, words: int, position: Position, under_ad_slot: bool = False) -> str | None:
    """Why a line of a page's footer (in its lower half, under a chrome line
    and over nothing but chrome) is chrome too: a short line, the name or
    label of the footer ("Tribunal de Justiça de Minas Gerais - TJMG" between
    a press office's lines, "Substack is the home for great culture" at the
    end), a postal address, or a sentence with a cue phrase."""
    if "](" in text:  # a link's address is no words of the line ("[Substack](https://substack.com) is the home ...")
        text = _LINK_TARGET.sub("]", text)
        words = len(WORD_TOKEN.findall(text))
    if words <= ADDRESS_MAX_WORDS and is_postal_address(text):
        return f"a street address with a postcode in the page's footer; {word_count(words)}, {position.describe()}"
    # A sentence there that holds a cue phrase, one too few to leave it out alone, is the footer's pitch or help
    # line ("Paid subscribers get the monthly calendar ...", "Contacte-nos ... ou ligue 217 206 707, dias úteis"),
    # unless the chrome above is an ad slot, which the story's last paragraph may lie under.
    folded = fold(text)
    if words <= 2 * SHORT_WORDS and not under_ad_slot and (cues := find_cues(folded, WORD_TOKEN.findall(folded), text)):
        found = "; ".join(f"{kind}: {', '.join(repr(phrase) for phrase in phrases)}" for kind, phrases in cues.items())
        return f"{found}; a line with a cue phrase in the page's footer, under chrome and over chrome alone; " \
               f"{word_count(words)}, {position.describe()}"
    if words > LIST_HEADING_WORDS or not _is_short_line(text, LIST_HEADING_WORDS):
        return None
    return f"a short line in the page's footer, under chrome and over chrome alone; {word_count(words)}, {position.describe()}"


TAG_LINE_WORDS = 4


def is_tag_line(text: str, page: str, start: int) -> bool:
    """Whether a line (at ``start`` of ``page``) is a page's tags run together without separators ("Ortografia Hífen
    Acordo Ortográfico", found blind in probe 23): TAG_LINE_WORDS to LIST_HEADING_WORDS capitalised words (not a line
    in capitals), no particle, figure or stop, most of them words of the page's text above (its topics). A name signing
    the page off is seldom words of its text."""
    # Split no further than one word too many: a long paragraph is no tag line, whatever its length.
    words = text.split(maxsplit=LIST_HEADING_WORDS)
    if not TAG_LINE_WORDS <= len(words) <= LIST_HEADING_WORDS or text.isupper() or not all(
            word[0].isupper() and _PLAIN_WORD.fullmatch(word) and word.casefold() not in _ORGANISATION_PARTICLES
            for word in words):
        return False
    words_above = set(WORD_TOKEN.findall(fold(page[:start])))
    return 2 * sum(fold(word) in words_above for word in words) > len(words)


# A company's legal form closing its name, whose stop ends no sentence: "..., Lda.", "Harbourside Engineering Ltd.".
# Not "limited", the one form written in full: its stop is a sentence's ("Places are limited.").
_COMPANY_SUFFIX = re.compile(r"(?:,\s*|\s+)(?:{})\.$".format("|".join(
    re.escape(form) for form in LEGAL_FORMS if form != "limited")), re.IGNORECASE)


def _is_short_line(text: str, most_words: int) -> bool:
    """A line of a few words that is no sentence, nor a greeting or list item ending in a comma."""
    stripped = text.rstrip()
    # The ends first: a paragraph's sentence end spares folding and splitting all of it. SENTENCE_PUNCTUATION read
    # from the end, as its search would try every position of a long paragraph.
    return not stripped.endswith(",") and stripped.rstrip(_SENTENCE_CLOSERS)[-1:] not in _SENTENCE_STOPS \
        and len(WORD_TOKEN.findall(fold(stripped))) <= most_words


def is_markdown_title(text: str, start: int) -> bool:
    """Whether the segment at ``start`` of ``text`` is a Markdown page's title, a level-one heading ("# Câmara investe ...")."""
    return text[text.rfind("\n", 0, start) + 1 : start].strip() == "#" or setext_level(text, start) == 1


def is_markdown_heading(text: str, start: int) -> bool:
    """Whether the segment at ``start`` of ``text`` is a Markdown heading ("## Versão 4.2.0 — 11 de março"), or a
    wikitext one ("== História ==", whose marks the segment leaves out as it does a Markdown heading's)."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].lstrip().startswith(("#", "==")) or setext_level(text, start) > 0


def markdown_heading_level(text: str, start: int) -> int:
    """The level of the Markdown heading that the segment at ``start`` of ``text`` is (its "#" marks, or its setext
    underline's level), or 0 for a segment that is no Markdown heading (a wikitext heading's level is not read)."""
    marks = text[text.rfind("\n", 0, start) + 1 : start].strip()
    if marks and set(marks) == {"#"}:
        return len(marks)
    return setext_level(text, start)


_HEADING_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|={2,6}[ \t]*[^=\s])", re.MULTILINE)


def is_first_markdown_heading(text: str, start: int) -> bool:
    """Whether the segment at ``start`` of ``text`` is a Markdown page's first heading: the post's title, whatever
    its level or length ("# Ponte Luís I", "## O novo metro" over the post)."""
    if not is_markdown_heading(text, start):
        return False
    return _HEADING_LINE.search(text, 0, text.rfind("\n", 0, start) + 1) is None


_NAVIGATION_KINDS = frozenset({"navigation", "button or link label"})


def is_navigation(text: str) -> bool:
    """A menu line, or a short line with a navigation or button cue (a long
    paragraph that mentions "clique aqui" is no menu)."""
    folded = fold(text)
    tokens = WORD_TOKEN.findall(folded)
    if len(tokens) <= MENU_MAX_WORDS and _is_menu(folded):
        return True
    return len(tokens) <= SHORT_WORDS and not _NAVIGATION_KINDS.isdisjoint(find_cues(folded, tokens))


def is_link_title(text: str, words: int) -> bool:
    """A line that can be a linked story's title: short, no sentence end
    (a headline may ask a question). Its Markdown links' targets are no words of it ("[Why we stopped asking for
    cover letters](https://...) Mar 4, 2026")."""
    if "](" in text:
        text = _LINK_TARGET.sub("]", text)
        words = len(WORD_TOKEN.findall(text))
    return words <= SHORT_WORDS and not _SENTENCE_END.search(text)


# A street with its number ("48 Harbour Street", "Av. Borges de Medeiros, 1501")
# and a postcode (UK, US, Brazil's CEP, Portugal's) in the same segment.
_STREET = re.compile(
    r"\b\d+[A-Za-z]?,?\s(?:[A-Z][\w'’.-]*\s){1,3}(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Way|Square|Place|"
    r"Boulevard|Blvd|Court|Ct|Parade|Terrace|Crescent)\b|\b(?:Rua|R\.|Av\.|Avenida|Alameda|Al\.|Praça|Travessa|Rodovia|Estrada|Largo)"
    r" [^,;·|\n]{2,40}, ?(?:n[º°o.]* ?)?\d+"
    # ... or its number after the name without a comma, as Portugal writes it, when a postcode follows (probe 49):
    # "Rua do Almada 212, 4050-031 Porto".
    r"|\b(?:Rua|Av\.|Avenida|Alameda|Praça|Travessa|Largo) [^,;·|\n\d]{2,40} \d+[A-Za-z]?,? (?=\d{4}-\d{3}|\d{5}-\d{3})"
)
_POSTCODE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{2},? \d{5}(?:-\d{4})?\b|\b\d{5}-\d{3}\b|\bCEP:? ?\d|\b\d{4}-\d{3}\b"
)


# A postcode with its town alone on a line, as an address set out over lines ends: "4050-174 Porto", "Leicester LE3
# 6GH", "CEP 80010-010 Curitiba".
# ... a Brazilian town's state after it ("48520-000 Canudos (BA)", "Itaúna/MG").
_POSTCODE_LINE = re.compile(rf"(?:[A-ZÀ-Þ][^\W\d_]* ){{0,3}}(?:{_POSTCODE.pattern})[\d-]*(?: [A-ZÀ-Þ][^\W\d_]*){{0,3}}"
                            r"(?: ?\([A-Z]{2}\)|/[A-Z]{2})?")
# A line of an address set out over lines has at most this many words.
ADDRESS_LINE_WORDS = 10


def is_postcode_line(text: str) -> bool:
    return _POSTCODE_LINE.fullmatch(text.strip()) is not None


def is_postal_address(text: str) -> bool:
    """Whether ``text`` holds a street address with its postcode, set apart
    as a letterhead or footer writes it: after the start, a comma or a
    separator, not after a word ("moved to 12 Station Road" is a sentence);
    names of places between commas that end in the postcode ("Civic
    Centre, Market Street, Harrowfield, HF1 2AB"); or parts of a building
    and places between commas that the postcode closes, with the town after
    it ("Esplanada dos Ministérios, Bloco L, 3º andar, Brasília/DF, CEP
    70047-900", "Piso 3, Avenida da Liberdade 110, 1250-146 Lisboa"), no
    sentence."""
    if _POSTCODE.search(text) is None:
        return False
    stripped = text.strip()
    if _PLACES_AND_POSTCODE.fullmatch(stripped) or (
            stripped.count(",") >= ADDRESS_MIN_COMMAS and _POSTCODE_CLOSING.search(stripped) is not None
            and _SENTENCE_INSIDE.search(stripped) is None):
        return True
    if street_set_apart(text):
        return True
    # A footer's line of parts between separators, one a place closed by its postcode and town (found blind in probe
    # 20): "Clube Naval · Doca de Recreio, 3080-000 Figueira da Foz · Tel. 233 422 100".
    # ... or its street and number a part, its postcode and town the next (probe s53-cleaning2's newsletter): "Associação
    # de Moradores · Largo da Graça 12 · 1170-165 Lisboa", read as the street's part then set apart by a comma.
    return any("," in part and _POSTCODE_CLOSING.search(part.strip()) is not None
               and _SENTENCE_INSIDE.search(part) is None and len(part.split()) <= ADDRESS_LINE_WORDS
               for part in _DETAIL_SEPARATOR.split(stripped)[1:]) \
        or street_set_apart(_DETAIL_SEPARATOR.sub(", ", stripped))


_ADDRESS_LEADS = frozenset(",.;:·•|—–-(")


def street_set_apart(text: str) -> bool:
    """Whether ``text`` holds a street and its number (``_STREET``) at its start or after a comma or a separator, as
    an address line writes it, not after a word ("moved to 12 Station Road" is a sentence's)."""
    for street in _STREET.finditer(text):
        before = text[: street.start()].rstrip()
        if not before or before[-1] in _ADDRESS_LEADS:
            return True
    return False
# The postcode closing a line, with the town's name of a few capitalised words after it.
# ... and the town after it, a particle in its name ("3080-000 Figueira da Foz").
_POSTCODE_CLOSING = re.compile(
    r"(?:" + _POSTCODE.pattern + r")(?:[ ,/-]+(?:(?:da|das|de|do|dos) )?[A-ZÀ-Þ][^\W\d_]*){0,3}$")
# Parts between commas that a postcode closes, at least this many commas: a building's, a street's, a town's; no
# sentence's end before them (a word, not an abbreviation such as "Av." or "Cel.", then a stop and a space).
ADDRESS_MIN_COMMAS = 2
_SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ]{3}[.!?]\s")
# Two or more capitalised place names of a few words, comma-separated, then the postcode (and the country).
_PLACES_AND_POSTCODE = re.compile(
    r"(?:[A-ZÀ-Þ][\w'’.-]*(?: [\w'’.-]+){0,3}, ){2,6}(?:" + _POSTCODE.pattern + r")"
    r"(?:, (?:United Kingdom|UK|England|Scotland|Wales|Northern Ireland|Ireland|USA|United States|Brasil|Brazil|Portugal))?"
)

# A line of contact details: web and e-mail addresses, domains, phone numbers ("+55 (31) 3274-5500", "023 8022
# 4410"), and the labels a signature or letterhead gives them.
_WEB_OR_MAIL = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[^\W_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")
_CONTACT_LABELS = frozenset(
    "t m e f w tel fone telefone telefones telephone telemovel tlm cel celular fax phone mobile mob email e-mail mail site "
    "website web "
    "whatsapp contato contatos contacto contact".split())
# What the batch screen looks for in a line of contact details: a web or e-mail address, in a line of at most
# CONTACT_LINE_CHARS characters (a paragraph that gives an address is longer: its regexes are not run on it).
CONTACT_MARKS = ("://", "www.", "@")
CONTACT_LINE_CHARS = 200


# A forum member's signature of a name and a quoted motto, a role between them or not (probe 42): 'Dave — "Flour,
# water, salt, time."', 'Marcos Reis · Técnico agrícola · "Quem planta colhe."'. A story quotes after its verb.
_MOTTO_SIGNATURE = re.compile(rf"[*_]*{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}[*_]*(?: ?[—–|·-] ?[^\"“«—–|·]{{1,40}})?"
                              rf" ?[—–|·-] ?[\"“«][^\"“”«»]{{3,80}}[\"”»]\.?")
MOTTO_SIGNATURE_WORDS = SHORT_WORDS
# ... and without a motto, a name and a tagline after a dash (s51-cleaning2): "Lurdes — horta de 20 m² em Atibaia (SP)",
# "Tom — ride more, worry less". A headline may have that shape ("Lisboa — a cidade que não dorme"): only its place
# tells (BatchLines.post_signature_reason), and a signature repeated under its author's posts goes as that (preload).
_TAGLINE_SIGNATURE = re.compile(rf"[*_]*{_NAME_WORD}(?: {_NAME_WORD})?[*_]* ?[—–] ?[^\"“«—–|·.!?]{{3,60}}")
# How far above a signature the post's header may be: the post's paragraphs, a quoted post's among them.
POST_LINES = 6
# A product's ratings' summary, its mean out of five first: "4.1 out of 5 · 203 reviews", "4,7 de 5 · 128 avaliações".
_RATING_SUMMARY = re.compile(r"\d(?:[.,]\d)? (?:out of|de) 5\b")
# A page's update stamp and nothing else, folded: "Last updated: 1 December 2026", "Atualizado em 2 de dezembro de 2026",
# "Última atualização: 30/11/2026" (no person's name: a byline's "Updated by Ana Reis" is none).
_UPDATE_STAMP = re.compile(rf"(?:(?:page )?last (?:updated|reviewed|modified)(?: on)?|updated(?: on)?|ultima atualizacao"
                           rf"(?: em)?|atualizad[oa] (?:em|a))\W{{0,2}} ?(?:{STAMP}|{MONTH}\.? \d{{1,2}},? \d{{4}}|"
                           rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})")
# What a post's header is left out as: its author and time, or a quoted post's "X said:".
_POST_HEADER_REASONS = ("byline or credit", "a comment's or post's author line")
# A reply's subject line, the thread's title after "Re:" (a board's or a mailing list's: "Re: Caldeira a perder pressão
# durante a noite", s52-cleaning), asked only of a line left out.
_REPLY_SUBJECT = re.compile(r"(?:re|res|aw|sv): \S")
# A board's post header, its author's handle before a chevron (phpBB): "Enviado por seu_ze » 28 nov 2026, 14:40".
_BOARD_POST_HEADER = re.compile(r"(?:[^\W\d_]+ )?(?:por|by) [^ ]{1,40} » ")
# A public service's link to a transaction, a verb of the service and its object, alone on its line (probe 42, and
# probe 41's bin page): "Report a missed bin", "Request a replacement box or bag", "Search for your collection day",
# "Pedir a recolha de monos", "Comunicar contentor cheio ou danificado". English asks for a determiner after the verb
# ("Book review" is no link); Portuguese infinitives opening a short line are a portal's service names.
_SERVICE_ACTION = re.compile(
    r"(?:(?:report|request|order|apply for|book|pay|renew|register|find|search for|check|cancel|change|update|"
    r"sign up for|get|track|follow) (?:a|an|the|your|my|this|for a|for your)|(?:pedir|requerer|solicitar|comunicar|"
    r"reportar|agendar|marcar|pagar|consultar|renovar|emitir|atualizar|alterar|cancelar|encontre|pesquise|descarregar|"
    r"baixar|acompanhar)"
    r"(?: (?:a|o|as|os|um|uma|o seu|a sua|seu|sua|o meu|a minha))?) [^\W\d_][^.!?:;()\[\]]{0,60}")
SERVICE_ACTION_WORDS = 8


def is_service_action(text: str) -> bool:
    """Whether a line is a service's link to a transaction (``_SERVICE_ACTION``), no longer than a link's label."""
    return len(text.split()) <= SERVICE_ACTION_WORDS and _SERVICE_ACTION.fullmatch(fold(text).strip()) is not None


def has_contact_details(text: str) -> bool:
    """Whether a line gives a phone number, a web or e-mail address, or a postal address."""
    return any(mark in text for mark in CONTACT_MARKS) or _PHONE.search(text) is not None or is_postal_address(text)


def is_contact_line(text: str) -> bool:
    """Whether a short line is contact details alone: a web or e-mail address at least (``CONTACT_MARKS``), phone
    numbers, their labels and separators ("Telefone: (61) 2022-8000 - http://www.mec.gov.br", "www.bompreco.com.br"); a
    sentence that gives an address has other words."""
    if len(text) > CONTACT_LINE_CHARS or ("@" not in text and "www." not in text and "://" not in text):
        return False
    if _contact_details_alone(text) or _labelled_address(text):
        return True
    # A letterhead's or footer's line of parts between dots or bars: an address or a name, a phone and a site ("Rua
    # da Graça, 12 · Tel 21 000 0000 · www.x.pt"), two of them contact details alone and no sentence among the others.
    parts = _DETAIL_SEPARATOR.split(text)
    return len(parts) >= 3 and sum(map(_contact_details_alone, parts)) >= 2 and all(
        len(WORD_TOKEN.findall(fold(part))) <= DETAIL_PART_WORDS and not part.rstrip().endswith(("!", "?"))
        and _SENTENCE_INSIDE.search(part) is None for part in parts)


# Parts of a line of details between its separators; the parts that are no contact details (an address, a company's
# name) have at most this many words.
_DETAIL_SEPARATOR = re.compile(r"\s[·•|]\s")
DETAIL_PART_WORDS = 8


# A page's name and its one web address, alone, as an archive's toolbar or a print view heads the page it shows (seed-
# shaped probe 41: "The Wayback Machine - https://web.archive.org/web/2026.../https://www.site.com.br/..."); a sentence
# that gives an address says more than a name before it, and a record's field ("URI: http://hdl.handle.net/...", a
# repository's record: probe 33) is its record's, as its other fields are.
_LABELLED_ADDRESS = re.compile(r"(?P<label>[^\W\d_][^.!?:;()]{0,40}?) [-–—|·] (?:https?://|www\.)\S+")
LABELLED_ADDRESS_WORDS = 4


def _labelled_address(text: str) -> bool:
    """Whether a line is a name of a few words and one web address after a dash or a bar (``_LABELLED_ADDRESS``)."""
    match = _LABELLED_ADDRESS.fullmatch(text.strip())
    return match is not None and len(match["label"].split()) <= LABELLED_ADDRESS_WORDS


def _contact_details_alone(text: str) -> bool:
    """Whether a text holds nothing but web and e-mail addresses, phone numbers and their labels."""
    rest = _PHONE.sub(" ", _WEB_OR_MAIL.sub(" ", text))
    return all(word in _CONTACT_LABELS for word in WORD_TOKEN.findall(fold(rest)))


# A Markdown link, and what a line of links may hold besides them: markup,
# separators, arrows and a one-word label per link ("**Next:** [Title](/next)").
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# A button to more of a list's items than it shows, its count first: "See all 24 facilities", "[Mostrar as 32
# comodidades](#)", "Ver todos os 12 episódios".
_MORE_OF_THE_LIST = re.compile(r"\[?(see|view|show|ver|mostrar)( all| all the| todas as| todos os| as| os| mais)? "
                               r"\d[\d.,]* [^\W\d_]")
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>›»/]\s")
_HOME_CRUMBS = frozenset({"inicio", "home", "pagina inicial", "homepage", "home page"})


def _is_breadcrumb_trail(folded: str) -> bool:
    """Whether a folded line is a breadcrumb's trail (``_is_menu``): three crumbs or more between its separators, short
    ones or from the home page, and no sentence's end."""
    # A breadcrumb may open with its label ("Você está aqui: Início > ...").
    crumbs = _BREADCRUMB_SEPARATOR.split(folded)
    if len(crumbs) < 3:
        return False
    label, colon, first = crumbs[0].rpartition(":")
    if colon and len(label.split()) <= FRAGMENT_WORDS + 1:
        crumbs[0] = first
    # A trail from the home page may pass through a long section name ("Início > Saúde de A a Z > Sarampo"),
    # as may a longer trail ("Assuntos > Saúde de A a Z > HPV > Perguntas frequentes").
    lengths = [len(crumb.split()) for crumb in crumbs[:-1]]
    long_crumbs = sum(length > 3 for length in lengths) if max(lengths, default=0) <= 2 * MENU_ITEM_WORDS else len(lengths)
    return (crumbs[0].strip() in _HOME_CRUMBS or long_crumbs == 0 or (len(crumbs) >= 4 and long_crumbs == 1)) \
        and not SENTENCE_PUNCTUATION.search(folded)


def _is_menu(folded: str) -> bool:
    """Whether a line is a menu: short items between separators, a breadcrumb
    (whose last item may be the page's long title), or Markdown links alone."""
    if "](" in folded and _is_link_line(folded):
        return True
    # A look for each separator's mark ("in": a fast scan) spares most lines the split, which tests each character.
    if ("/" in folded or ">" in folded or "»" in folded or "›" in folded) and _is_breadcrumb_trail(folded):
        return True
    if _COMMAND_LINE.search(_MARKDOWN_LINK.sub(" ", folded) if "](" in folded else folded):
        return False
    items = [item for item in _MENU_SEPARATORS.split(folded) if item.strip()]
    if is_fields_line(items) or len(items) == 2 and _PRICE_ALONE.fullmatch(items[1].strip()):
        # A label and its price ("Pataniscas de bacalhau · 7,50 €", a menu's dish; probe 40) names no page.
        return False
    if items and ":" in items[0]:
        items[0] = items[0].rsplit(":", 1)[1]
        items = [item for item in items if item.strip()]
    # Two items make a menu only without a sentence end ("Previous topic   Next
    # topic"); "GOL  DO FLAMENGO!" with a stray double space is a sentence.
    enough = len(items) >= 3 or (len(items) == 2 and not SENTENCE_PUNCTUATION.search(folded))
    # Three or more calls between drawn separators may take four words each
    # ("Order a prospectus | Book an open day | Chat with a student").
    longest = MENU_ITEM_WORDS + 1 if len(items) >= 3 and _SYMBOL_SEPARATOR.search(folded) \
        and not SENTENCE_PUNCTUATION.search(folded) else MENU_ITEM_WORDS
    return enough and all(_menu_item_words(item) <= longest for item in items)


# A facet, a short noun phrase: "Free High Speed Internet (WiFi)", "Estacionamento gratuito".
FACET_WORDS = 2 * MENU_ITEM_WORDS
# Facets are set out between dots; bars also draw a table's cells and a bar of links ("Forward to a friend | Follow us").
_FACET_SEPARATOR = re.compile(r"\s[·•∙⋅]\s")


def _is_facets_line(text: str) -> bool:
    """Whether a line is three or more short noun phrases between drawn dots: none a field ("Label: value"),
    a sentence, a link (a bar of buttons, "[Apply now](/apply) · [Book an open day](...)") or a figure (a listing's
    score line, "Hotel · 9.1 Superb · 864 reviews", under its name). A look for each dot first ("in": a fast scan,
    written out: a loop over the dots costs ten times as much): most lines have none, and the search for a digit and
    the split test each character in turn."""
    if not ("·" in text or "•" in text or "∙" in text or "⋅" in text) or "](" in text or _DIGIT.search(text):
        return False
    items = [item.strip() for item in _FACET_SEPARATOR.split(text)]
    return len(items) >= 3 and all(
        item and ":" not in item and not SENTENCE_PUNCTUATION.search(item)
        and _menu_item_words(item) <= FACET_WORDS for item in items)


def _menu_item_words(item: str) -> int:
    """A menu item's words, an ampersand no word of them ("For Sale & Free", found blind in probe 35)."""
    return sum(word != "&" for word in item.split())


def _is_link_line(folded: str) -> bool:
    """A line of Markdown links and little else (a sidebar's item, a pager's
    "← Previous · Next →"); a sentence with links in it ends in punctuation."""
    links = len(_MARKDOWN_LINK.findall(folded))
    rest = _MARKDOWN_LINK.sub(" ", folded)
    labels_allowed = links if links > 1 else 0
    return links > 0 and len(WORD_TOKEN.findall(rest)) <= labels_allowed and not SENTENCE_PUNCTUATION.search(folded)


# -------------------------------------------------------------------------
# Which segments can be chrome at all (a cheap screen over the batch)
# -------------------------------------------------------------------------

# Every chrome decision needs a cue phrase, a fragment's few words or a menu
# line. Most segments are ordinary paragraphs, so the batch is first screened
# with the word hashes: a segment goes to the full check (:func:`_chrome`) only
# if it has few words, a menu separator, a symbol cue, a word that every match
# of some cue phrase contains, or a first word that an at-start cue starts with.
_COMMON_WORDS = frozenset().union(*(fold(words).split() for words in (
    # Frequent words (folded), too common to screen a paragraph by.
    "o os e do da dos das não é em na nas um uma com ao à às mais também são foi está isso pelo pela ou já "
    "muito quando ele ela mas este esse essa até sobre há ser tem a de que se por para no fazer conta responsabilidade "
    "utiliza utilizam utilizamos continua primeiro material resposta melhorar proximos seu sua quem sei",
    "the and of to is in that it for was on with as by be are this have from or at an not but you do all never report",
    # Words of this probe's cue phrases as common as these in ordinary prose (the phrases screen by others).
    "seja ultimo contato us last found need book primeira first your",
    # ... and of the thirteenth's ("preço acessível", "I like"): "libras" and "deixe" screen its phrases.
    "acessivel like",
    # ... and of the fourteenth's ("if you enjoyed this"): "enjoyed", "liked", "loved" screen its phrase.
    "if",
    # ... and of the sixteenth's ("Everybody can reply", "Tecnologia do Blogger"): "reply" and "responder" screen
    # the first, the platforms' names the second.
    "can pode podem tecnologia",
    # ... and of the twenty-first's ("Would you like to listen to this article?", "Quer ouvir este artigo?"):
    # "ouvir", "escutar" and "listen" screen it; and of session 20's others, whose phrases have rarer words
    # ("we have a small favour": "favour"; "for informational purposes only": "informational"; "Este blog não
    # tem vínculo": "vinculo"; "opened this issue on": "issue"; "added the bug label": "labels").
    "would quer we temos only own site blog portal canal perfil opened closed mentioned added removed",
    # ... and of the twenty-fifth's ("Viu algo suspeito?", "Seen something suspicious?", "Marcar como concluído"): the
    # adjectives and the verb screen them.
    "algo something como",
)))
_GROUP = re.compile(r"\([^()]*\)[?*+]?")
_MANDATORY_GROUP = re.compile(r"\(([^()]*)\)(?![?*])")


@cache  # asked of every phrase by both the screen (_screens) and find_cues's index (_index_by_screen_word)
def _screen_words(phrase: str) -> set[str]:
    """Words one of which every match of ``phrase`` contains: the best
    uncommon literal word (or set of spellings, for ``[oa]s?``) outside any
    group, else one for each alternative of the first group it cannot skip
    whose alternatives all have one (a ``(?:...)`` group has none), else its
    literal first word. Callers only read the set: it is cached."""
    top_level = phrase
    # Most phrases have no group next to a letter, whose groups all stand for a space (no call for each).
    outside_words = _outside_words if _NEXT_TO_A_LETTER.search(phrase) else " "
    while (stripped := _GROUP.sub(outside_words, top_level)) != top_level:
        top_level = stripped
    if "|" not in top_level and (words := _uncommon_words(top_level)):
        return words
    for group in _MANDATORY_GROUP.finditer(phrase):
        if phrase.count("(", 0, group.start()) != phrase.count(")", 0, group.start()):
            continue  # inside another group, which may be skipped
        alternatives = [_uncommon_words(alternative) for alternative in group.group(1).split("|")]
        if all(alternatives):
            return set().union(*alternatives)  # type: ignore[arg-type]
    first_word = phrase.split(" ", 1)[0].split("-", 1)[0]
    if not re.fullmatch(r"[a-z0-9]+", first_word):
        raise ValueError(f"cue {phrase!r} needs an uncommon literal word outside its groups")
    return {first_word}


_LETTERS_GROUP = re.compile(r"\([a-z0-9]+\)\??")
# A group's parenthesis next to a letter or digit outside it: the only groups _outside_words may glue to a word.
_NEXT_TO_A_LETTER = re.compile(r"[^\W_]\(|\)[?*+]?[^\W_]")


def _outside_words(group: re.Match[str]) -> str:
    """What stands for a group once a phrase's groups are taken out: a space, but for a group glued to a word, which
    makes another word of it ("enjoy(ed)?" matches "enjoyed", not "enjoy"): a group of letters stays, for _expand to
    spell the word both ways, and another one leaves a mark that makes the word no literal word."""
    text, start, end, phrase = group.group(), group.start(), group.end(), group.string
    inside = text[1 : text.rindex(")")]
    glued = (start > 0 and phrase[start - 1].isalnum() and not inside[:1].isspace()) \
        or (end < len(phrase) and phrase[end].isalnum() and not inside[-1:].isspace())
    if not glued:
        return " "
    return text if _LETTERS_GROUP.fullmatch(text) else "\0"


# A space a phrase may skip or repeat (" ?" in "r$ ?\\d+"), and a parenthesis that opens no group.
_OPTIONAL_SPACE = re.compile(r" [?*+{]")
_LITERAL_PARENTHESIS = re.compile(r"\\[()]|\[[^\]]*[()]")
_NO_WORDS: frozenset[str] = frozenset()


def _required_words(phrase: str) -> list[set[str]]:
    """Words every match of ``phrase`` holds whole, each as its spellings: its literal words outside any group, and a
    word of each alternative of a group it cannot skip, each between spaces or the phrase's ends (a group's text
    glued to a word makes another word of it: "enjoy(ed)?"). None when the phrase has alternatives outside its
    groups, or a parenthesis that opens no group (the groups are found by their parentheses)."""
    phrase = _OPTIONAL_SPACE.sub("\0", phrase)
    if _LITERAL_PARENTHESIS.search(phrase):
        return []
    top_level = phrase
    while (stripped := _GROUP.sub("\0", top_level)) != top_level:
        top_level = stripped
    if "|" in top_level:
        return []
    required = [words for token in top_level.split() if (words := _uncommon_words(token, _NO_WORDS))]
    for group in _MANDATORY_GROUP.finditer(phrase):
        start, end = group.span()
        if phrase.count("(", 0, start) != phrase.count(")", 0, start) \
                or phrase[start - 1 : start].strip() or phrase[end : end + 1].strip():
            continue  # inside another group, which may be skipped, or glued to the text around it
        alternatives = [_uncommon_words(alternative, _NO_WORDS) for alternative in group.group(1).split("|")]
        if all(alternatives):
            required.append(set().union(*alternatives))  # type: ignore[arg-type]
    return required


@cache  # the phrases share many groups' alternatives ("(o|a|the)"): 3,298 texts among its 5,862 asks at import
def _uncommon_words(literal_text: str, common: frozenset[str] = _COMMON_WORDS) -> set[str] | None:
    """The spellings of the most telling literal word of ``literal_text``:
    not ``common``, fewest spellings, longest. Callers only read the set: it is cached."""
    options = []
    for token in literal_text.split():
        if "".join(_SIMPLE_ALTERNATIVE.findall(token)) != token:
            continue  # a repetition or another construct: not a literal word
        # Hyphens split words in the batch: a spelling is its longest piece.
        spellings = {max(spelling.split("-"), key=len) for spelling in _expand(token)}
        if "" not in spellings and not spellings & common:
            options.append(spellings)
    if not options:
        return None
    return min(options, key=lambda spellings: (len(spellings), -min(map(len, spellings))))


_SIMPLE_ALTERNATIVE = re.compile(r"(?:[a-z0-9 -]|\[[a-z0-9]+\]|\([a-z0-9]+\))\??")


def _expand(alternative: str) -> list[str]:
    """The strings a group alternative of letters, ``[..]`` classes, ``(..)`` groups of letters and ``?`` matches."""
    expanded = [""]
    for part in re.finditer(r"(\[[a-z0-9]+\]|\([a-z0-9]+\)|[a-z0-9 -])(\?)?", alternative):
        text = part.group(1)
        if text[0] == "[":
            choices = list(text[1:-1])
        else:
            choices = [text[1:-1] if text[0] == "(" else text]
        choices += [""] if part.group(2) else []
        expanded = [done + choice for done in expanded for choice in choices]
    return expanded


def _start_words(pattern: str) -> list[str] | None:
    """First words a segment matched by the at-start cue ``pattern`` starts
    with, or None when it starts with a digit."""
    if pattern.startswith(r"^\d"):
        return None
    group = re.match(r"\^\(([^()]*)\)", pattern)
    if group is None:
        raise ValueError(f"at-start cue {pattern!r} must start with a group of words or a digit")
    words = []
    for alternative in group.group(1).split("|"):
        if "".join(_SIMPLE_ALTERNATIVE.findall(alternative)) != alternative:
            raise ValueError(f"cannot expand {alternative!r} in at-start cue {pattern!r}")
        words += [word.split(" ", 1)[0].split("-", 1)[0] for word in _expand(alternative)]
    return words


def _index_start_cues() -> tuple[dict[str, list[Cue]], tuple[CompiledCue, ...]]:
    """At-start cues by the words they can start with, and those starting with a digit (compiled: the screen asks
    them of every line that starts with one)."""
    by_word: dict[str, list[Cue]] = {}
    at_digit = []
    for kind, pattern in _CUES_AT_START:
        words = _start_words(pattern)
        if words is None:
            at_digit.append((kind, pattern))
        for word in dict.fromkeys(words or ()):
            by_word.setdefault(word, []).append((kind, pattern))
    return by_word, _compiled(at_digit)


_CUES_BY_START_WORD, _CUES_AT_DIGIT = _index_start_cues()


@cache
def _start_word_cues(word: str) -> tuple[CompiledCue, ...]:
    """The at-start cues a text whose first word is ``word`` is asked, compiled the first time one is."""
    return _compiled(_CUES_BY_START_WORD[word])


# What a screen word's phrases need besides it: the weight of each phrase (see _screens) and the hashes of the other
# words its matches hold (_required_words), each as the hashes of its spellings.
ScreenPhrases = list[tuple[int, tuple[tuple[int, ...], ...]]]


def _screens() -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, ScreenPhrases]]:
    """Sorted hashes of the screen words, how many cue phrases each stands
    for, the sorted hashes of the words at-start cues begin with, and the
    phrases of each screen word by its hash with the other words they need. A
    phrase that decides a whole segment alone (WHOLE_SEGMENT_KINDS, and an
    author note of up to AUTHOR_NOTE_WORDS) stands for two, which a long
    paragraph needs up to 75 words."""
    phrases_per_word: Counter[str] = Counter()
    needs_per_word: dict[str, list[tuple[int, list[set[str]]]]] = {}
    for kind, (_strong, phrases) in CUES.items():
        for phrase in phrases:
            if not phrase.startswith("^"):
                weight = 2 if kind in WHOLE_SEGMENT_KINDS or kind == "author note" else 1
                required = _required_words(phrase)
                for word in _screen_words(phrase):
                    phrases_per_word[word] += weight
                    needs_per_word.setdefault(word, []).append((weight, [need for need in required if word not in need]))
    words = set(phrases_per_word).union(*(need for needs in needs_per_word.values() for _weight, required in needs
                                          for need in required))
    hashes = dict(zip(words, batch_words([normalise(word) for word in words]).hashes.tolist(), strict=True))
    screen = np.unique(np.array([hashes[word] for word in phrases_per_word], dtype=np.uint32))
    weights = np.zeros(len(screen), dtype=np.int64)
    np.add.at(weights, np.searchsorted(screen, [hashes[word] for word in phrases_per_word]), list(phrases_per_word.values()))
    phrases_by_hash: dict[int, ScreenPhrases] = {}
    for word, needs in needs_per_word.items():
        phrases_by_hash.setdefault(hashes[word], []).extend(
            (weight, tuple(tuple(hashes[spelling] for spelling in need) for need in required)) for weight, required in needs)
    return screen, weights, word_hash_set(_CUES_BY_START_WORD), phrases_by_hash


_SCREEN_HASHES, _SCREEN_WEIGHTS, _START_HASHES, _SCREEN_PHRASES = _screens()
# Every word the recount of phrases reads (_phrases_with_their_words): the screen words and the words their phrases need.
_PHRASE_WORD_HASHES = np.unique(np.array(
    [*_SCREEN_PHRASES, *(spelling for phrases in _SCREEN_PHRASES.values() for _weight, needs in phrases
                         for need in needs for spelling in need)], dtype=np.uint32))


def _index_by_screen_word() -> dict[str, list[Cue]]:
    by_word: dict[str, list[Cue]] = {}
    for kind, pattern in _CUES_ANYWHERE:
        for word in _screen_words(pattern.removesuffix(_WORD_END)):
            by_word.setdefault(word, []).append((kind, pattern))
    return by_word


_CUES_BY_SCREEN_WORD = _index_by_screen_word()


@cache
def _screen_word_cues(word: str) -> tuple[CompiledCue, ...]:
    """The cues a text holding the screen word ``word`` is asked, compiled the first time one does."""
    return _compiled(_CUES_BY_SCREEN_WORD[word])


_CUE_SCREEN_WORDS = frozenset(_CUES_BY_SCREEN_WORD)
_DATE_STARTS = [pattern for _kind, pattern in _CUES_AT_DIGIT]
# Symbol cues whose literal is common in content ("R$", "£" in any story about money) screen by their pattern too.
# So are a bracket alone (a wire story's slug and update note, probe 50: without it the 10 MB preload took 15% longer,
# found at merge in session 42).
_SCREENED_BY_PATTERN = frozenset({"r$", "£", "€", "$", "#", "«", "‹", "»", "›", "|", "·", "•", "*", "u/", "/", "(", ")"})
# Each symbol cue's literal and its pattern when that screens it too (None: the literal alone), by the literal's last mark.
_SYMBOL_SCREENS_BY_MARK = {
    mark: [(literal, pattern if literal in _SCREENED_BY_PATTERN else None) for _kind, literal, pattern in cues]
    for mark, cues in _SYMBOL_CUES_BY_MARK.items()
}


def _may_hold_symbol_cue(folded: str) -> bool:
    """Whether a folded or normalised text holds a symbol cue's literal, and matches its pattern where that screens it
    too (the patterns' words are written for accented text too: "pre[cç]os")."""
    return any(literal in folded and (pattern is None or pattern.search(folded) is not None)
               for mark in _symbol_marks_in(folded) for literal, pattern in _SYMBOL_SCREENS_BY_MARK[mark])


_WORD_JOINING = re.compile(r"[-'’\u0080-\u00bf\u2000-\u2fff]")
# Latin-1's bytes _WORD_JOINING does not match, which bytes.translate deletes to leave those it does.
_NOT_WORD_JOINING_LATIN1 = bytes(code for code in range(256) if _WORD_JOINING.match(chr(code)) is None)


def _word_joining_count(text: str) -> int:
    """``len(_WORD_JOINING.findall(text))``; for a Latin-1 text by one byte deletion, without the search's test of each
    character against the class (14 ms per 5 MB of the bench's pages, on their long paragraphs)."""
    try:
        return len(text.encode("latin-1").translate(None, _NOT_WORD_JOINING_LATIN1))
    except UnicodeEncodeError:
        return len(_WORD_JOINING.findall(text))


def _phrases_needed(texts: Sequence[str], counts: np.ndarray, inside: np.ndarray, phrases: np.ndarray) -> np.ndarray:
    """The fewest screened cue phrases each segment needs to be chrome: one,
    or for a long one inside its document one per WORDS_PER_CUE words (at
    least two), as :func:`_chrome` counts them. Its words there are at least
    the batch's count less one per character that can join two batch words
    into one there (a hyphen, an apostrophe, a letter among the symbol blocks)."""
    long = counts > 2 * SHORT_WORDS
    needed = np.where(long, np.maximum(2, np.round(counts / WORDS_PER_CUE)).astype(np.int64), 1)
    # Only a segment with some but not enough phrases by the batch count can need fewer.
    for index in np.flatnonzero(long & (phrases >= 1) & (phrases < needed)).tolist():
        text = texts[index]
        fewest_words = int(counts[index]) - _word_joining_count(text)
        needed[index] = max(2, round(fewest_words / WORDS_PER_CUE)) if fewest_words > 2 * SHORT_WORDS else 1
    return needed


def _phrases_with_their_words(words: BatchWords, segments: np.ndarray) -> list[int]:
    """How many cue phrases each of ``segments`` may hold, as the screen counts them (each occurrence of a screen
    word stands for its phrases) but leaving out a phrase where the segment lacks another word its matches hold."""
    ends = np.cumsum(words.counts)
    # Only the words a phrase's count reads are counted: a long paragraph holds a few among a hundred.
    read = np.flatnonzero(isin_sorted(words.hashes, _PHRASE_WORD_HASHES))
    read_words = words.hashes[read].tolist()
    starts, stops = np.searchsorted(read, (ends - words.counts)[segments]), np.searchsorted(read, ends[segments])
    counted = []
    for start, stop in zip(starts.tolist(), stops.tolist(), strict=True):
        occurrences = Counter(read_words[start:stop])
        present = occurrences.keys()
        count = 0
        for word in present & _SCREEN_PHRASES.keys():
            for weight, needs in _SCREEN_PHRASES[word]:
                if all(not present.isdisjoint(need) for need in needs):
                    count += occurrences[word] * weight
        counted.append(count)
    return counted


def chrome_suspects(
    texts: Sequence[str], normalised: Sequence[str], words: BatchWords, positions: Sequence[Position]
) -> np.ndarray:
    """Which of a batch's segments may be chrome (all that are, and some that
    are not); the others are content without looking further.

    A segment needs cue phrases to be chrome unless it is a fragment or a
    menu; a long one inside its document needs at least two. A long one's
    opening cue is looked for where its first word may open one (1,600 of 10 MB
    of the bench's pages went to the full check for a first word alone). Each occurrence
    of a screen word stands for at most the phrases it screens for. Word counts
    here split hyphenated words, so "long" is taken with a margin of 2x.
    """
    counts = words.counts
    inside = np.fromiter((not position.at_edge for position in positions), dtype=bool, count=len(positions))
    opens = isin_sorted(words.first_words(), _START_HASHES)
    # A long segment whose first word an at-start cue opens with is one if such a cue opens it or its shape alone is
    # chrome: most paragraphs that open with one of those words ("Em", "Esta", "For", "Como") are neither, and are
    # screened as the others are. A shorter one is one at once: most are chrome, found once per line (``decide``).
    long = counts > 2 * SHORT_WORDS
    suspects = (opens & ~long) | (counts <= 2 * FRAGMENT_WORDS)
    for index in np.flatnonzero(opens & long).tolist():
        suspects[index] = _opens_as_chrome(texts[index], positions[index])
    suspects |= _enough_cue_phrases(texts, words, inside, suspects)
    might_be_menu = (counts <= 2 * MENU_MAX_WORDS).tolist()
    might_be_address = ((counts <= 2 * ADDRESS_MAX_WORDS) & ~inside).tolist()
    for index in np.flatnonzero(~suspects).tolist():
        suspects[index] = _may_be_chrome_by_shape(texts[index], without_markdown_escapes(normalised[index]),
                                                  int(counts[index]), positions[index], might_be_menu[index],
                                                  might_be_address[index])
    return suspects


def _enough_cue_phrases(texts: Sequence[str], words: BatchWords, inside: np.ndarray, suspects: np.ndarray) -> np.ndarray:
    """Which segments hold screened cue phrases enough for their length (see ``chrome_suspects``); of those not yet
    ``suspects``, each phrase counted only where the segment holds the other words it needs."""
    screened = isin_sorted(words.hashes, _SCREEN_HASHES)
    phrases = np.bincount(
        words.owners[screened], weights=_SCREEN_WEIGHTS[np.searchsorted(_SCREEN_HASHES, words.hashes[screened])],
        minlength=len(texts),
    )
    counts = words.counts
    needed = _phrases_needed(texts, counts, inside, phrases)
    # Those the count lets through are counted again, a phrase only where they hold the other words it needs: a
    # paragraph on deliveries holds "entrega", and seldom "estimada" too.
    recount = np.flatnonzero((phrases >= needed) & ~suspects)
    phrases[recount] = _phrases_with_their_words(words, recount)
    needed[recount] = _phrases_needed([texts[index] for index in recount.tolist()], counts[recount], inside[recount],
                                      phrases[recount])
    return phrases >= needed


def _may_be_chrome_by_shape(text: str, lowered: str, count: int, position: Position, might_be_menu: bool,
                            might_be_address: bool) -> bool:
    """Whether a segment without cue phrases enough may be chrome all the same: a symbol cue, a menu, a date, an
    address, a contact or sender line, a list of authors, a citation, a byline... (``chrome_suspects``; ``lowered``:
    its normalised text, ``count``: the batch's count of its words)."""
    # The tests whose words are written folded fold the line, as its decision does, once their first look finds what
    # they look for ("dias uteis", "grafico": "Horário das missas: ... · dias úteis 8h00" was never sent to its
    # decision); the others' words are written for accented text too ("mar[cç]o", "pre[cç]os"). Folding every line
    # instead cost 12% of the screen and 2-5% of the 10 MB preload.
    return (
        _may_hold_symbol_cue(lowered)
        or (might_be_menu and ("](" in text or has_menu_separator(text)) and _is_menu(text))
        or (might_be_menu and is_run_together_menu(text))
        or (text[0].isdigit() and _opens_with_date(lowered))
        or (might_be_address and is_postal_address(text))
        or is_contact_line(text)  # no web or e-mail address (nearly every segment) returns at once
        or is_sender_line(text)
        or is_office_line(lowered, count // 2)  # the batch splits "Controladoria-Geral": half, a margin
        or is_place_and_date(lowered, position)
        or not any(map(str.isalpha, lowered))  # numbers alone (stops at the first letter)
        or is_contents_entry(text)  # one look at the line's last character for most lines
        or (text.startswith(_ITALIC_MARKS) and _AUTHOR_NOTE.match(text) is not None)
        or is_author_list(text, position)
        or is_journal_citation(text)
        or is_reference_entry(text)
        # A handle the batch splits at its underscore has one word more: "Rui_M · 14 nov 2026, 21:07" (probe 30).
        or (text[-1:].isdigit() and _NAME_AND_NUMERIC_DATE.fullmatch(text.strip()) is not None)
        or (text[-1:].isupper() and _CAPITALS_CREDIT.search(text) is not None)  # a search from every position
        or is_chat_header(text)  # a handle splits in two, a time in three: "jonas_k — Today at 9:14 AM" is 7 words
        or is_label_line(text, lowered)
        or is_issue_masthead(text)  # most lines have no part separator and return at once
        # A time span's clock time, looked for from a digit (a search from every position, its lookbehind first, cost
        # 0.17% more instructions on the bench's pages).
        or (count <= 2 * TIME_SPAN_WORDS and _SPAN_SCREEN.search(lowered) is not None and is_time_span(fold(lowered)))
        or (count <= 2 * REACTED_NAMES_WORDS and ("outr" in lowered or "other" in lowered)
            and is_reacted_names(text, lowered))
        or (count <= 2 * SIGNER_LINE_WORDS and is_signer_line(text, lowered))
        # One look at the line's end for most lines.
        or (count <= 2 * COMPANY_LINE_WORDS and 0 < position.index < EDGE_SEGMENTS and is_company_line(text))
    )


def _opens_with_date(lowered: str) -> bool:
    """Whether a line opening with a digit opens with a date an at-start cue finds, read folded as its decision reads
    it ("1 de março de 2026")."""
    folded = fold(lowered)
    return any(pattern.match(folded) for pattern in _DATE_STARTS)


Reason = tuple[str, str]  # (kind, why): how an exclusion is listed
# A line that is all a quotation (``BatchLines.quoted_own_words_reason``): its opening marks and the mark each closes
# with, and the fewest words it must hold to be told from a quoted word or title ("“Sim”", "“Anora”").
_CLOSING_QUOTES = {"“": "”", "\"": "\"", "«": "»", "‘": "’", "'": "'"}
_OPENING_QUOTES = "".join(_CLOSING_QUOTES)
_QUOTED_WORDS_MIN = 6
# A line and the facts of its position (Position.facts), and its own decision: chrome or not, and the section it heads.
DecidedLine = tuple[str, tuple[str, bool, bool]]
Decision = tuple[Reason | None, str | None]
# (document slot, index in the document, segments in the document, start, end, text)
Segment = tuple[int, int, int, int, int, str]


def _positions(segments: Sequence[Segment]) -> list[Position]:
    """Each segment's Position, one object per place: a batch's documents share most places, and a frozen dataclass
    takes microseconds to make."""
    made: dict[tuple[int, int], Position] = {}
    positions = []
    for _slot, index, count, _start, _end, _text in segments:
        position = made.get((index, count))
        if position is None:
            position = made[index, count] = Position(index, count)
        positions.append(position)
    return positions


def _reasons_by_reach(reasons: Sequence[tuple[Any, int | None]]) -> tuple[list[int], list[tuple[Any, ...]]]:
    """``reasons`` (each with the most words of a line it can find, or None: any) in bands: the bands' most words,
    sorted, and the reasons asked, in order, of a line in each band (more words than the band below, at most its
    most), then of a line longer than every band's most (``bisect_left`` of a line's words gives its band)."""
    reaches = sorted({reach for _reason, reach in reasons if reach is not None})
    return reaches, [tuple(reason for reason, reach in reasons if reach is None or reach >= most)
                     for most in [*reaches, sys.maxsize]]


# A press release's end mark, under its text ("ENDS", "-ends-", "-30-", "###", "- FIM -"; a bare "Fim" may close a
# story's chapter, so the Portuguese word needs capitals or dashes): what follows is for editors, not readers, when
# it opens as end matter does (``BatchLines.opens_end_matter``).
_RELEASE_END_MARK = re.compile(
    r"(?:[-–—]\s*)?(?:ENDS?|Ends|FIM|-30-|###)(?:\s*[-–—])?|[-–—]\s*(?:[Ee]nds?|[Ff]im)\s*[-–—]")


# The reasons of a record's fields, which may stand between its name and its text (BatchLines.opens_prose_past_fields).
_RECORD_FIELD_REASONS = ("opening hours or prices", "field label", "date line", "warning level", "affected areas")


def _is_record_field(text: str) -> bool:
    """Whether a line is one labelled field alone ("Status: Awaiting decision"), as a record lists them: short, no
    sentence (a field's value is no paragraph)."""
    field = _field_unbolded(text)
    return _FIELD_LINE.match(field) is not None and len(field) <= RECORD_FIELD_CHARS


def is_fields_row(text: str) -> bool:
    """Whether a line is a record's labelled field (``_is_record_field``), or a row of them between separators
    ("Module code: GEOG2150 · Credits: 20 · Semester 1"), with no sentence's stop closing it: a label's sentence ("Horários:
    quatro comboios por dia.") is text. A company's legal form closes no sentence ("Empresa: Faróis Digitais, Lda.";
    s46-cleaning2)."""
    stripped = text.rstrip()
    return _is_record_field(text) and (SENTENCE_PUNCTUATION.search(stripped) is None
                                       or _COMPANY_SUFFIX.search(stripped) is not None)


def _field_unbolded(text: str) -> str:
    """A field set in bold as a whole, without its marks ("**Status: Open for applications**"; found blind in probe
    39): the page stresses the state, which stays a field."""
    stripped = text.strip()
    return stripped[2:-2] if len(stripped) > 4 and stripped[:2] == stripped[-2:] in ("**", "__") else text


# A record's fields are short lines; a longer one is a paragraph that opens with a label ("Nota: ...").
RECORD_FIELD_CHARS = 90
# The field that gives a record's state in its office's workflow, folded: "Status:", "Situação:", "Estado do pedido:";
# the state of one part of it, its kind before ("Recruitment Status: Recruiting", "Legal status: Pending"; probe 39); an
# auction's state ("Current bid: £86.00 [14 bids]", "Time left: 2d 4h", "Lance atual:").
_STATUS_FIELD = re.compile(r"\s*(?:(?:[^\W\d_]+ )?(?:status|situacao)|estado d[oa] (?:pedido|processo|reclamacao|"
                           r"proposicao)|current bid|highest bid|time left|lance atual|maior lance|tempo restante) ?:")
# A record's own identifier, a code with a figure after a label naming it ("ClinicalTrials ID: NCT07213455",
# "Reference: 26/01873/FUL", "Ref.: CM-2026-118", "N.º de processo:"): the office's key to the record (probe 39); a
# museum's ("Object number: C.1187-1928", "Accession number:"; found blind in probe 39); a court decision's over its
# judge and descriptors ("Processo: 1432/24.7T8BRG.G1" over "Relator: ...", probe 44).
_RECORD_ID_FIELD = re.compile(r"\s*(?:[^\W\d_]+ )?(?:id|reference|ref\.?|referencia|processo|n\.?o de (?:processo|inventario|"
                              r"registo|registro)|(?:case|application|object|accession|inventory|registration|record) "
                              r"number) ?: ?\S*\d")
# A shop's terms of sale, two or more in a run ("Postage: £4.95 Royal Mail Tracked 48" over "Returns: 30 days
# returns"; "Frete:", "Devoluções:"): the shop's box beside the listing, not the thing sold (probe 39).
_SALE_TERM_FIELD = re.compile(r"\s*(?:postage|shipping|delivery|returns|portes|envio|frete|entrega|devolucoes|"
                              r"devolucao) ?:")
# A product's specification, a quantity measured in a unit after its label ("Potência: 2200 W", "Peso: 540 gramas",
# "Capacity: 1.7 litres"), folded; SPECIFICATION_MEASURES of them make a run of fields a product's specifications.
_MEASURED_FIELD = re.compile(r"\s*[^:]{1,40}: ?\d+(?:[.,]\d+)? ?(?:[kmgc]?w|[kmc]?g|gramas?|grams?|kilos?|quilos?|"
                             r"[mck]?m|metros?|metres?|meters?|centimetros?|mm|l|litros?|litres?|liters?|ml|v|volts?|"
                             r"mah|wh|kwh|hz|rpm|bar|psi|polegadas|inches|in|gb|tb|mb)\b")
SPECIFICATION_MEASURES = 2
# A bare "Estado:" is also a thing's condition ("Estado: Usado" among a classified's fields): it gives a record's state
# only in a run that holds the record's reference or date ("Processo: 2026/450.10.215", "Data de publicação:
# 23/11/2026"; found blind in probe 36).
_BARE_STATE_FIELD = re.compile(r"\s*estado ?:")
# A court decision's record: a field naming its court or its judge ("Comarca: Campinas", "Órgão julgador: 3ª Câmara de
# Direito Privado"; found blind in probe 44) makes its run, dates and all ("Data de publicação: 14/11/2026"), the record's.
_COURT_FIELD = re.compile(r"\s*(?:comarca|orgao julgador|relator|relatora|tribunal recorrido|meio processual|votacao) ?:")
_RECORD_KEY = re.compile(r"\d+/\d+")
# A page's counter names the page and closes on its count, folded: "este topico foi visto 2.187 vezes.", "this thread
# has been viewed 1,204 times", "este artigo foi lido 3 mil vezes".
PAGE_COUNTER_WORDS = 10
_COUNTED_TIMES = ("vezes", "times")
_PAGE_COUNTER = re.compile(
    r"(?:este|esta|this) [^\W\d_]+ (?:[^\W\d_]+ ){1,3}\d[\d., ]*(?: ?(?:k|mil|mi))? (?:vezes|times)\.?")


class BatchLines:
    """The segments of one batch of documents and what is decided about each
    line, in order: whether it is chrome by its own features (``decide``), and
    the questions about its neighbours that bring a fragment back as content or
    leave a line out as part of a page's header, footer or read-also list.
    ``excluded`` is asked once per segment, in order: it carries what the lines
    above said (the section being read, the page's header, the last chrome)."""

    def __init__(self, documents: Sequence[tuple[Document, int]], segments: Sequence[Segment],
                 normalised: list[str], words: BatchWords, decided: dict[DecidedLine, Decision] | None = None) -> None:
        self.documents, self.segments, self.normalised = documents, segments, normalised
        self.texts = [text for _slot, _index, _count, _start, _end, text in segments]
        self.positions = _positions(segments)
        self.counts = words.counts.tolist()
        self.suspects = chrome_suspects(self.texts, normalised, words, self.positions).tolist()
        # may_be_breadcrumb of each line, which the rules ask about twice a line (the trail over a title, the
        # letterhead's and header's breadcrumbs, a title under one).
        self.crumb_like = list(map(may_be_breadcrumb, self.texts))
        # Lines decided (``decide``), maybe in earlier batches: the decision is the line's own.
        self.decided = {} if decided is None else decided
        self._init_run_verdicts()
        self._init_reading_state()
        self._init_document_facts()
        # The labels of the fields of each file of records in the batch, and the records each opens a line of, and
        # the files one of whose records has a field right under its first line (``labels_shared_by_records``),
        # found when a record's field is first asked about.
        self.record_labels: dict[tuple[str, str], set[int]] | None = None
        # How many release headings (_RELEASE_HEADING) each file holds, its records together (heads_release_notes).
        self.release_headings: Counter[str] | None = None
        self.files_with_header_fields: set[str] = set()

    def _init_run_verdicts(self) -> None:
        """What is found of a run of lines once, for each of its lines (by segment), when a rule first asks."""
        # Whether each line of a run of short lines is a table's cell, and whether each result line is one of a
        # box of results, by segment.
        self.table_cells: dict[int, bool] = {}
        self.result_boxes: dict[int, bool] = {}
        # Whether each line of a run of chapter lines is a video's list of chapters, by segment.
        self.chapter_lists: dict[int, bool] = {}
        # ... and of a run of lines opened by a match's minute, its live ticker.
        self.match_tickers: dict[int, bool] = {}
        # ... of a run of a table's rows split by tabs, an infobox; and of a run of numbered entries, a contents box.
        self.table_rows: dict[int, bool] = {}
        self.contents_boxes: dict[int, bool] = {}
        # Whether each line of a run of e-mail header fields is a forwarded e-mail's header, and whether each line of
        # a run of short lines is an e-mail's signature.
        self.mail_headers: dict[int, bool] = {}
        self.signatures: dict[int, bool] = {}
        # Whether each line of a run of credits is a film's or a masthead's credits, and each line of a run of price
        # lines a price breakdown.
        self.credit_blocks: dict[int, bool] = {}
        self.price_breakdowns: dict[int, bool] = {}

    def _init_reading_state(self) -> None:
        """What the rules note as they read the batch's lines in order: the list or section being read, the last
        chrome, the page's header."""
        # (document slot, heading) of the read-also list being read, and
        # (document slot, heading, kind) of the section whose one paragraph
        # (an author's bio, a safety tip) comes next, if any.
        self.link_list: tuple[int, str] | None = None
        # Whether that list's heading is a Markdown heading: one opened by a plain line (a contents' "3 See also") ends
        # at the page's next Markdown heading over prose; one opened by a Markdown heading, at the next heading of its
        # level or higher (its level here, 0 for a plain line).
        self.list_under_markdown_heading = False
        self.list_heading_level = 0
        # The last line left out as one of that list's, whose entry the next line may go on.
        self.list_line = -1
        self.paragraph_under: tuple[int, str, str] | None = None
        # The last segment left out as chrome, and the site's name lines found
        # at the top of each document (their copies lower down go too). A
        # document's header lasts from its first segment to the first one
        # kept: its first EDGE_SEGMENTS segments, or more below chrome alone.
        self.chrome_at: tuple[int, int] | None = None
        self.site_headers: dict[int, set[str]] = {}
        self.header_of: int | None = None
        # The slot of the document whose press release's end mark was passed ("ENDS", "-30-", "- FIM -").
        self.release_ended: int | None = None

    def _init_document_facts(self) -> None:
        """Facts of each document (by slot) found once, when a rule first asks."""
        # The names each document's bylines gave (note_byline_name).
        self.byline_names: dict[int, set[str]] = {}
        # Where each document's lowest breadcrumb among its first lines is (lowest_letterhead_breadcrumb).
        self.letterhead_breadcrumbs: dict[int, int] = {}
        # Each document's fenced code blocks, found once.
        self.code_blocks: dict[int, list[tuple[int, int]]] = {}
        # Each document's metadata block (front matter, a scraper's header), found once.
        self.metadata: dict[int, Metadata | None] = {}
        # Whether each document has form feeds (a PDF's pages), found once.
        self.paged: dict[int, bool] = {}

    # ------------------------------------------------------------ a line alone

    def decide(self, number: int) -> Decision:
        """Whether a segment is chrome, and the kind of section it heads;
        page chrome repeats, so the same line at the same kind of place
        (``Position.facts``) gets the same decision."""
        if not self.suspects[number]:
            return None, None
        text, position = self.texts[number], self.positions[number]
        place = (text, position.facts)
        if place not in self.decided:
            chrome = _decide_chrome(text, position)
            heading = heading_of(text) if chrome is not None and self.counts[number] <= LIST_HEADING_WORDS else None
            self.decided[place] = (chrome, heading)
        return self.decided[place]

    def same_document(self, number: int, slot: int) -> bool:
        return 0 <= number < len(self.segments) and self.segments[number][0] == slot

    def following(self, number: int) -> list[str]:
        """The next EDGE_SEGMENTS segments of the same document."""
        slot = self.segments[number][0]
        return [later[5] for later in self.segments[number + 1 : number + 1 + EDGE_SEGMENTS] if later[0] == slot]

    def over_chrome(self, number: int) -> bool:
        """Whether the next EDGE_SEGMENTS segments of the document are there and chrome by their own features."""
        below = self.following(number)
        return len(below) == EDGE_SEGMENTS and all(
            self.decide(number + 1 + offset)[0] is not None for offset in range(EDGE_SEGMENTS))

    def only_chrome_below(self, number: int) -> bool:
        """Whether every later segment of the document is chrome (a read-also
        heading's link titles included), or there is none."""
        slot, under_list = self.segments[number][0], False
        for later in range(number + 1, len(self.segments)):
            if self.segments[later][0] != slot:
                break
            chrome, heading = self.decide(later)
            if chrome is None and not (under_list and is_link_title(self.texts[later], self.counts[later])):
                return False
            under_list = heading == "read-also prompt" or (under_list and chrome is None)
        return True

    # ------------------------------------------------------------ fragments that are content

    def item_or_heading(self, number: int) -> bool:
        """Whether a fragment is a short item of a list of things, or a name
        heading the paragraph that opens with it: content, though it reads as a label."""
        document, start = self.documents[self.segments[number][0]][0], self.segments[number][3]
        return in_content_list(document.text, start) or heads_a_paragraph(self.texts[number], self.following(number))

    def fragment_at(self, number: int) -> bool:
        """Whether a segment is a fragment by its own decision, no list item or heading,
        nor a short menu ("Jobs > Warehouse > Leeds")."""
        chrome = self.decide(number)[0]
        return chrome is not None and chrome[0] == "fragment" and not has_menu_separator(self.texts[number]) \
            and not self.item_or_heading(number)

    def content_at(self, number: int) -> bool:
        """Whether a segment is kept by its own decision (a fragment only as a list item or heading, a dateline only
        as an event's date)."""
        chrome = self.decide(number)[0]
        return chrome is None or (chrome[0] == "fragment" and self.item_or_heading(number)) \
            or self.dates_an_event_in_text(number, chrome)

    def dates_an_event_in_text(self, number: int, chrome: Reason) -> bool:
        """Whether a line left out as a byline's date is an event's date in the text (see dates_an_event): not the
        line right over the page's title, an event page's header ("sábado, 16 de janeiro · 10:00 - 13:00 WET" over
        "# Oficina de cerâmica"; probes 48 and 49), which a ticketing site prints over every event it sells."""
        if not dates_an_event(self.texts[number], chrome):
            return False
        slot, below = self.segments[number][0], number + 1
        return not (self.same_document(below, slot)
                    and markdown_heading_level(self.documents[slot][0].text, self.segments[below][3]) == 1)

    def heads_markdown_section(self, number: int) -> bool:
        """Whether a label is a Markdown heading over its section's content ("## Overview", "## Location" over a
        sentence, "## Ingredients" over a list's items, "## Key facts" over "Duration: 1 year full-time" and "Start
        date: September 2026"): its author marked it a heading of the text. A box's heading is over its links, bylines
        or counts ("## Documents", "## Petições em destaque"), which are chrome, or over a footer's line at the page's
        end ("## Other routes" over "Need help? Call ...")."""
        slot, below = self.segments[number][0], number + 1
        document_text = self.documents[slot][0].text
        if not is_markdown_heading(document_text, self.segments[number][3]) or not self.same_document(below, slot):
            return False
        if self.captions_table(below):
            return True  # "## Product details" over "**Red Pepper Houmous**" over the product's table (probe 25)
        if self.texts[below].startswith(("```", "~~~")) and self.same_document(below + 1, slot) \
                and self.in_code_body(below + 1):
            return True  # "## Installation" over its fenced command (probe 30), which is kept as the page shows it
        # Over a list's item of a few words ("## Distritos abrangidos" over "* Porto (aviso laranja)", found blind in
        # probe 25) as over a line kept by its own decision.
        if not self.content_at(below):
            # ... or past its ratings' summary left out as a count, over the reviews' prose ("## Reviews" over "4.1
            # out of 5 · 203 reviews", an HTML page's <h2>; s51-cleaning2), as heads_prose_between_prose reads it. A
            # heading over one reader's header ("## Opiniões dos leitores" over "**joao_m** · há 2 dias · ★★★★★", probe
            # 17's truth) heads a comments section, chrome.
            return _RATING_SUMMARY.match(fold(self.texts[below]).lstrip("*_ ")) is not None \
                and self.opens_prose_past_count(number)
        if self.positions[below].in_lower_half and self.only_chrome_below(below) \
                and footer_line_reason(self.texts[below], self.counts[below], self.positions[below]) is not None:
            return False
        if self.counts[below] > FRAGMENT_WORDS and SENTENCE_PUNCTUATION.search(self.texts[below]) is not None:
            return True
        below_start = self.segments[below][3]
        return document_text[below_start - 2 : below_start - 1] in _LIST_MARKER_ENDS or (
            self.same_document(below + 1, slot) and self.decide(below + 1)[0] is None
            and _is_short_line(self.texts[below], SHORT_WORDS))

    def captions_table(self, number: int) -> bool:
        """Whether a short line is right over a Markdown table's header row: the table's caption, content as the
        table is ("**Red Pepper Houmous**" over "| Pack size | Use by | Batch code |", probe 25)."""
        slot, below = self.segments[number][0], number + 1
        return _is_short_line(self.texts[number], LIST_HEADING_WORDS) and self.same_document(below, slot) \
            and is_table_row(self.documents[slot][0].text, self.segments[below][3], self.texts[below])

    def heads_a_section(self, number: int) -> bool:
        """Whether a fragment in a page's body is content among content: a
        price, a name or a list's item under content, or one of two such
        fragments between content lines ("Sepultamento" over "Cemitério São
        José" over its date; "Pe. Anselmo Duarte" over "Vigário"). A menu's
        items, a member card's name, role and count, lie among more
        fragments or over chrome; labels, handles and banners are no items."""
        texts, position = self.texts, self.positions[number]
        index, text = position.index, texts[number]
        if index < 2 or index + 2 >= position.count \
                or is_markdown_heading(self.documents[self.segments[number][0]][0].text, self.segments[number][3]):
            return False
        # Two fragments between content lines are a list's items. One alone
        # over content may be a section's plain heading, left out over
        # prose ("Water quality", "Modo de preparo" under the ingredients):
        # it is kept as a price ("R$ 545.000"), a name ("Holy Trinity
        # Church"), or over a short line without a sentence end (a list's item).
        if self.fragment_at(number - 1):
            framed = listed = could_be_heading(texts[number - 1]) and self.content_at(number - 2) \
                and self.content_at(number + 1)
        elif self.content_at(number + 1):
            # A heading asked as a question between paragraphs heads the one below ("Quem pode solicitar"); a menu's
            # "Quem somos" is among fragments, over chrome.
            framed = True
            listed = _is_short_line(texts[number + 1], SHORT_WORDS) \
                or asks_a_question(text) and self.content_at(number - 1)
        else:
            framed = listed = self.content_at(number - 1) and self.fragment_at(number + 1) \
                and could_be_heading(texts[number + 1]) and self.content_at(number + 2)
        if not framed or not (_PRICE.fullmatch(text) and not self.in_price_box(number)
                              or could_be_heading(text) and (listed or names_something(text))):
            return False
        # Over the one short line above a page's footer, it is the footer's label ("Anunciante" over a name).
        return not position.in_lower_half or not _is_short_line(texts[number + 1], LIST_HEADING_WORDS) \
            or not self.only_chrome_below(number + 1)

    def among_fields(self, number: int) -> bool:
        """Whether a line is by a field's label and value that is no chrome but a fragment ("Palavras-chave: ..." over
        "Idioma: por" in a repository's record, probe 5): one of a record's fields, content as the record is."""
        slot = self.segments[number][0]

        def field_kept(line: int) -> bool:
            chrome = self.decide(line)[0]
            return _FIELD_LINE.match(self.texts[line]) is not None and (chrome is None or chrome[0] == "fragment")

        return any(self.same_document(line, slot) and field_kept(line) for line in (number - 1, number + 1))

    def in_price_box(self, number: int) -> bool:
        """Whether a price alone has a shop's payment terms within PRICE_BOX_LINES lines of it ("ou 3x de R$ 29,97 sem
        juros no cartão" two lines under "R$ 89,90"; probe 32): the shop's price box, which changes with every sale,
        not a classified ad's asking price among its details."""
        slot = self.segments[number][0]
        for line in range(number - PRICE_BOX_LINES, number + PRICE_BOX_LINES + 1):
            if line != number and self.same_document(line, slot):
                chrome = self.decide(line)[0]
                if chrome is not None and chrome[1].startswith("price or payment"):
                    return True
        return False

    def signs_off(self, number: int) -> bool:
        """Whether a fragment is a text's signature: a name under a line kept
        by its own decision, over an office ("Margaret Okonkwo" over "Chair of
        Trustees", then the page's footer), or that office under the name.
        A second signature may stand under the first ("Helena Prado Vilela" over
        "1ª Secretária" under "Presidente").
        A member card's name is over a role without an office ("Moderador")."""
        slot, text = self.segments[number][0], self.texts[number]

        def line(offset: int) -> str | None:
            return self.texts[number + offset] if self.same_document(number + offset, slot) else None

        below, above = line(1), line(-1)
        if names_an_office(text) and above is not None and names_something(above) and self.fragment_at(number - 1):
            return self.signs_off(number - 1)
        return names_something(text) and below is not None and names_an_office(below) and above is not None and (
            self.content_at(number - 1) or (names_an_office(above) and self.signs_off(number - 1)))

    def title_under_skip_link(self, number: int) -> bool:
        """Whether a line is a plain text's title under the skip link that opens it ("Jump to content" over "River
        Brede"): the text's first paragraph of prose names it again. A site's name over its menu is named by none
        (probe 45; probe 44 left out both wikis' titles as labels)."""
        return self.positions[number].index == 1 and _SKIP_LINK.match(fold(self.texts[number - 1])) is not None \
            and self.named_by_first_prose(number)

    def named_by_first_prose(self, number: int) -> bool:
        """Whether the first paragraph of prose below a line in its document, at most TITLE_PROSE_LINES below (an
        infobox's rows between), holds the line's words ("The River Brede is a river ..." under "River Brede")."""
        slot, name = self.segments[number][0], fold(self.texts[number]).strip()
        for below in range(number + 1, number + 1 + TITLE_PROSE_LINES):
            if not self.same_document(below, slot):
                return False
            if self.counts[below] > SHORT_WORDS and SENTENCE_PUNCTUATION.search(self.texts[below].rstrip()):
                return name in fold(self.texts[below])
        return False

    def opens_prose(self, number: int) -> bool:
        """Whether the line under a segment, in its document, is a paragraph of prose kept by its own decision."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) and not _is_short_line(self.texts[below], SHORT_WORDS) \
            and ends_as_prose(self.texts[below]) \
            and self.decide(below)[0] is None

    def opens_sentence(self, number: int) -> bool:
        """Whether the line under a segment, in its document, is a sentence kept by its own decision, however short."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) \
            and SENTENCE_PUNCTUATION.search(self.texts[below].rstrip()) is not None and self.decide(below)[0] is None

    def in_list_entry(self, number: int) -> bool:
        """Whether a line of a read-also list's (being read) that is no title goes on the entry above it: its date
        line or byline ("Luiza Andrade · 26 de fev."), or the teaser under the entry's title ("Fiz as contas de três
        consórcios. Spoiler: ...") with a chrome line under it (a paragraph under the list's last title, over more
        of the story or over the story's credits, is the story going on)."""
        if self.list_line != number - 1:
            return False
        chrome = self.decide(number)[0]
        if chrome is not None:
            return chrome[1].startswith("byline or credit")
        above, below, slot = number - 1, number + 1, self.segments[number][0]
        below_chrome = self.decide(below)[0] if self.same_document(below, slot) else None
        # A news agency's credits close the story: the paragraph right above them is its last ("Analysts warned ..."
        # over "Reporting by ...; Editing by ...").
        return self.counts[number] <= 2 * SHORT_WORDS and self.texts[above] != self.link_list[1] \
            and is_link_title(_LINK_TARGET.sub("]", self.texts[above]), self.counts[above]) \
            and below_chrome is not None and "agency credits:" not in below_chrome[1]

    def in_run(self, number: int, slot: int) -> bool:
        """Whether a segment of the document is a short line of a run: a
        fragment without menu separators, or a short line kept by its own
        decision (a table's longer cell: "9.30am - 10.30am", "Arroz, feijão e frango ensopado")."""
        if not self.same_document(number, slot):
            return False
        chrome = self.decide(number)[0]
        if chrome is None:
            return _is_short_line(self.texts[number], LIST_HEADING_WORDS)
        return chrome[0] == "fragment" and not has_menu_separator(self.texts[number])

    def in_table(self, number: int) -> bool:
        """Whether a fragment is a cell of a table in the body: a run of
        short lines between two paragraphs kept by their own decision (not
        at the document's top or bottom, where menus and footers are), that
        reads as a table. The run is found once, from whichever fragment asks first."""
        if number not in self.table_cells:
            slot, first, last = self.segments[number][0], number, number
            while self.in_run(first - 1, slot):
                first -= 1
            while self.in_run(last + 1, slot):
                last += 1
            framed = self.same_document(first - 1, slot) and self.decide(first - 1)[0] is None \
                and self.same_document(last + 1, slot) and self.decide(last + 1)[0] is None
            # Its fragments are weighed: a recipe's quantities are kept by their own decision,
            # and its section headings among them ("Ingredientes", "Para a calda:") are no table.
            fragments = [self.texts[line] for line in range(first, last + 1) if self.decide(line)[0] is not None]
            cells = framed and len(fragments) >= TABLE_MIN_LINES and reads_as_table(fragments)
            self.table_cells.update(dict.fromkeys(range(first, last + 1), cells))
        return self.table_cells[number]

    def run_around(self, number: int, belongs: Callable[[str], object]) -> range:
        """The lines of the document next to each other around ``number`` (which belongs) that all belong."""
        slot, first, last = self.segments[number][0], number, number
        while self.same_document(first - 1, slot) and belongs(self.texts[first - 1]):
            first -= 1
        while self.same_document(last + 1, slot) and belongs(self.texts[last + 1]):
            last += 1
        return range(first, last + 1)

    def run_decision(self, decisions: dict[int, bool], number: int, belongs: Callable[[str], object],
                     decide: Callable[[range], bool]) -> bool:
        """``decide`` of the run of lines that belong around ``number`` (which belongs), kept in ``decisions``
        for every line of the run: the run is found once, from whichever of its lines asks first."""
        if number not in decisions:
            run = self.run_around(number, belongs)
            decisions.update(dict.fromkeys(run, decide(run)))
        return decisions[number]

    def in_results_box(self, number: int) -> bool:
        """Whether a line is a result of a run of RESULTS_MIN_LINES or more in its document (a round's
        results, a team's fixtures): a box beside the story."""
        return is_result_line(self.texts[number]) and self.run_decision(
            self.result_boxes, number, is_result_line, lambda run: len(run) >= RESULTS_MIN_LINES)

    def in_chapter_list(self, number: int) -> bool:
        """Whether a line is a chapter of a run of CHAPTERS_MIN_LINES or more that starts at zero ("00:00 Introdução"):
        a video's chapters, links into it."""
        return is_chapter_line(self.texts[number]) and self.run_decision(
            self.chapter_lists, number, is_chapter_line,
            lambda run: len(run) >= CHAPTERS_MIN_LINES and _ZERO_TIME.match(self.texts[run.start]) is not None)

    def chapters_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is part of a video's list of chapters: one of them, or its label right
        above them ("Capítulos:", "Chapters"). Asked of every line kept, so the cheap tests go first."""
        text, words = self.texts[number], self.counts[number]
        if text[:1] in "(0123456789" and self.in_chapter_list(number):
            return "boilerplate", f"a video's chapter in a list of {CHAPTERS_MIN_LINES} or more from 0:00 (links into " \
                                  f"the video); {word_count(words)}, {self.positions[number].describe()}"
        if self.labels_run_below(number, lambda below: self.texts[below].startswith(("0", "(0"))
                                 and self.in_chapter_list(below)):
            return "boilerplate", f"the label of a video's list of chapters; {word_count(words)}, " \
                                  f"{self.positions[number].describe()}"
        return None

    def labels_run_below(self, number: int, in_run: Callable[[int], bool]) -> bool:
        """Whether a line of a few words and no sentence end is the label right above a run (``in_run`` of the next
        line): "Capítulos:" over a video's chapters, "Minuto a minuto" over a match's ticker."""
        below = number + 1
        return self.counts[number] <= FRAGMENT_WORDS and self.same_document(below, self.segments[number][0]) \
            and in_run(below) and not _SENTENCE_END.search(self.texts[number].rstrip().removesuffix(":"))

    def in_match_ticker(self, number: int) -> bool:
        """Whether a line is an entry of a run of TICKER_MIN_LINES or more opened by a match's minute."""
        return is_ticker_line(self.texts[number]) and self.run_decision(
            self.match_tickers, number, is_ticker_line, lambda run: len(run) >= TICKER_MIN_LINES)

    def ticker_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is part of a match's minute-by-minute ticker (probe 38): one of its
        entries, or its label right above them ("Minuto a minuto", "Live commentary"). The cheap test goes first."""
        text, words = self.texts[number], self.counts[number]
        if text[:1].isdigit() and self.in_match_ticker(number):
            return "boilerplate", f"a match's minute-by-minute entry in a run of {TICKER_MIN_LINES} or more (its live " \
                                  f"ticker); {word_count(words)}, {self.positions[number].describe()}"
        if self.labels_run_below(number, self.in_match_ticker):
            return "boilerplate", f"the label of a match's minute-by-minute ticker; {word_count(words)}, " \
                                  f"{self.positions[number].describe()}"
        return None

    def table_rows_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a table's row in a run of TABLE_ROWS_MIN_LINES or more, each a label
        and a value split by a tab (an infobox copied to text). The cheap test goes first."""
        if "\t" not in self.texts[number] or not is_tab_separated_row(self.texts[number]) or not self.run_decision(
                self.table_rows, number, is_tab_separated_row, lambda run: len(run) >= TABLE_ROWS_MIN_LINES):
            return None
        return "boilerplate", f"a table's row, its label and value split by a tab, in a run of {TABLE_ROWS_MIN_LINES} " \
                              f"or more (an infobox); {word_count(self.counts[number])}, {self.positions[number].describe()}"

    def infobox_table_reason(self, number: int) -> Reason | None:
        """Why a whole Markdown table kept by its own decision is an infobox, as a wiki's export writes it: each of its
        TABLE_ROWS_MIN_LINES or more rows a label and its value (two cells), above the article's first paragraph (no
        line above it in its document longer than a short line: the title, the site's tag line). A table of two
        columns lower down is the text's own data (probe 45). The cheap test goes first."""
        text = self.texts[number]
        if text[:1] != "|" or not is_data_table(text):
            return None
        rows = [row for index, row in enumerate(text.split("\n")) if index != 1]
        if len(rows) < TABLE_ROWS_MIN_LINES or any(row.strip().strip("|").count("|") != 1 for row in rows):
            return None
        first = number - self.positions[number].index
        if any(self.counts[line] > SHORT_WORDS for line in range(first, number)):
            return None
        return "boilerplate", f"a table of a label and its value in each of its {len(rows)} rows, above the article's " \
                              f"first paragraph (an infobox); {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def in_contents_box(self, number: int) -> bool:
        """Whether a line is an entry of a run of CONTENTS_MIN_LINES or more numbered entries from 1, right under a
        contents box's label ("Índice" over "1 Percurso" over "2 História" over "3 Referências")."""
        return is_numbered_entry(self.texts[number]) and self.run_decision(
            self.contents_boxes, number, is_numbered_entry, self._is_contents_box)

    def _is_contents_box(self, run: range) -> bool:
        label = run.start - 1
        return len(run) >= CONTENTS_MIN_LINES and self.texts[run.start].startswith("1") \
            and not self.texts[run.start][1:2].isdigit() and self.same_document(label, self.segments[run.start][0]) \
            and _CONTENTS_LABEL.fullmatch(fold(self.texts[label]).strip("#*_: ")) is not None

    def contents_box_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a contents box's entry, or its label right above the entries."""
        text, words = self.texts[number], self.counts[number]
        if text[:1].isdigit() and self.in_contents_box(number):
            return "navigation", f"a table of contents' entry, numbered under its label in a run of " \
                                 f"{CONTENTS_MIN_LINES} or more; {word_count(words)}, {self.positions[number].describe()}"
        if self.labels_run_below(number, lambda below: self.texts[below].startswith("1") and self.in_contents_box(below)):
            return "navigation", f"the label of a table of contents; {word_count(words)}, {self.positions[number].describe()}"
        return None

    def letter_date_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a letter's place and date: alone on its line in the page's upper half,
        below the letterhead (under the addressee's block: "Lisboa, 10 de março de 2025"). An act's date over its
        signatory's name and office ("Itajubá, 5 de março de 2025." over "Rogério Amaral Siqueira" over "Secretário
        Municipal de Administração") is the act's own. Asked of every line kept: the words first."""
        position, slot = self.positions[number], self.segments[number][0]
        if self.counts[number] > LETTER_DATE_WORDS or position.in_lower_half \
                or _PLACE_AND_DATE.match(self.normalised[number]) is None:
            return None
        if self.same_document(number + 2, slot) and names_something(self.texts[number + 1]) \
                and names_an_office(self.texts[number + 2]):
            return None
        return "boilerplate", f"a letter's place and date alone in the page's upper half; {self.counts[number]} " \
                              f"words, {position.describe()}"

    def byline_in_town_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a story's byline: a name and the town it was filed in ("Sam Jones in
        Madrid", probe 21) in the page's upper half, right over the story's date line (a title over it has no
        name's two capitalised words before "in")."""
        position, slot = self.positions[number], self.segments[number][0]
        if self.counts[number] > STATE_LABEL_WORDS or position.in_lower_half \
                or _NAME_IN_TOWN.fullmatch(self.texts[number].strip()) is None or not self.same_document(number + 1, slot):
            return None
        if not self.over_a_byline(number):
            return None
        return "boilerplate", f"byline or credit: a name and a town over the story's date; {word_count(self.counts[number])}, " \
                              f"{position.describe()}"

    def masthead_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision is a periodical's name: at the page's top, right over its issue
        line left out as a byline ("Diário Oficial da União" over "Publicado em: 01/12/2026 | Edição: 229 | Seção: 1",
        probe 22), or as a menu's line ("COOPERATIVA CAFÉ DA SERRA" over "Boletim n.º 47 · Dezembro de 2026", a
        newsletter's, found blind in probe 38). A story's title is over its date line, which names no issue; a page's
        ``# title`` (an HTML page's <h1>) is its own, over the volume it is in ("# Island Ferry Services" over "Volume
        762: debated on ...", probe 25)."""
        slot, below = self.segments[number][0], number + 1
        if self.positions[number].index > MASTHEAD_INDEX or self.counts[number] > MASTHEAD_WORDS \
                or is_markdown_title(self.documents[slot][0].text, self.segments[number][3]) \
                or SENTENCE_PUNCTUATION.search(self.texts[number]) or not self.same_document(below, slot) \
                or _ISSUE_FIELD.search(fold(self.texts[below])) is None or not self.over_a_byline_or_menu(number):
            return None
        return "boilerplate", f"a periodical's name over its issue line; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def panel_heading_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision is a panel's heading: right under the breadcrumb, over the record's
        title (a short line kept, no sentence), naming the panel's data ("Ensino > Componentes Curriculares >
        Consulta" over "Dados Gerais do Componente Curricular" over "DCA0305 - ESTATÍSTICA APLICADA À ENGENHARIA"). A
        page's title under its breadcrumb names its subject, not "data" or "details"."""
        slot, above, below = self.segments[number][0], number - 1, number + 1
        if self.counts[number] > PANEL_HEADING_WORDS or not self.positions[number].in_letterhead \
                or _PANEL_HEADING.fullmatch(fold(self.texts[number]).strip()) is None:
            return None
        if not (self.same_document(above, slot) and self.same_document(below, slot)) \
                or not self.breadcrumb_at(above) or self.decide(below)[0] is not None \
                or not _is_short_line(self.texts[below], SHORT_WORDS) or SENTENCE_PUNCTUATION.search(self.texts[below]):
            return None
        return "boilerplate", f"a panel's heading between the breadcrumb and the record's title; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def over_breadcrumb_reason(self, number: int) -> Reason | None:
        """Why a short line kept among a page's first lines is part of its header: no prose above it, and only short
        lines between it and the breadcrumb below. A platform's header holds its menu, the user's name and the
        course's ("Inês Carvalho" over "Biologia e Geologia 10.º B" over "Painel / Os meus cursos / BG10B / ...",
        probe 25); the page's title is under the breadcrumb. A Markdown heading is the page's own, and so is a title
        over the breadcrumb that ends on it."""
        slot, position = self.segments[number][0], self.positions[number]
        document = self.documents[slot][0]
        if not position.in_letterhead or self.lowest_letterhead_breadcrumb(number) <= position.index \
                or not _is_short_line(self.texts[number], SHORT_WORDS) \
                or is_markdown_heading(document.text, self.segments[number][3]):
            return None
        first, below = number - position.index, number + 1
        while self.same_document(below, slot) and self.positions[below].in_letterhead \
                and not self.breadcrumb_at(below) and _is_short_line(self.texts[below], SHORT_WORDS):
            below += 1
        if not (self.same_document(below, slot) and self.breadcrumb_at(below)) or self.ends_breadcrumb_at(below, number):
            return None
        if any(self.decide(line)[0] is None and not _is_short_line(self.texts[line], SHORT_WORDS)
               for line in range(first, number)):
            return None
        return "boilerplate", f"a page's header: a short line over its breadcrumb, no prose above; " \
                              f"{word_count(self.counts[number])}, {position.describe()}"

    def lowest_letterhead_breadcrumb(self, number: int) -> int:
        """The index of the lowest breadcrumb among the first lines of the document ``number`` is in, down to the one
        under its letterhead (where over_breadcrumb_reason's walk ends), or -1; found once a document (most pages have
        none, and their first lines are not walked)."""
        slot = self.segments[number][0]
        if slot not in self.letterhead_breadcrumbs:
            first = number - self.positions[number].index
            self.letterhead_breadcrumbs[slot] = max(
                (index for index in range(1, LETTERHEAD_SEGMENTS + 1)
                 if self.same_document(first + index, slot) and self.breadcrumb_at(first + index)), default=-1)
        return self.letterhead_breadcrumbs[slot]

    def over_a_byline_or_menu(self, number: int) -> bool:
        """Whether the segment after ``number`` is left out as a byline or credit, or as a menu's line."""
        below = self.decide(number + 1)[0]
        return below is not None and (below[0] == "navigation" or below[1].startswith("byline or credit"))

    def over_a_byline(self, number: int) -> bool:
        """Whether the segment after ``number`` is left out as a byline or credit (the story's date line)."""
        below = self.decide(number + 1)[0]
        return below is not None and below[1].startswith("byline or credit")

    def author_role_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a byline's role: an office right under the author's name, a label
        left out, and right over the story's date line ("Priya Raman" over "Head of Talent at Northbeam Logistics"
        over "Published Nov 18, 2026"; probe 21). A signature or a profile has no date line under it."""
        position, slot = self.positions[number], self.segments[number][0]
        if self.counts[number] > SHORT_WORDS or position.in_lower_half or not names_an_office(self.texts[number]) \
                or not (self.same_document(number - 1, slot) and self.same_document(number + 1, slot)):
            return None
        if not (names_something(self.texts[number - 1]) and self.fragment_at(number - 1)):
            return None
        if not self.over_a_byline(number):
            return None
        return "boilerplate", f"byline or credit: the author's role between their name and the date; " \
                              f"{word_count(self.counts[number])}, {position.describe()}"

    def about_box_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision in a page's lower half is a box on who issued the page (probe 38): its
        heading "Sobre a <Name>" (a name, capitalised) or the paragraph under it that opens by saying what the name is,
        a press release's standing paragraph on its company. "Sobre o projeto" over "O projeto começou ..." names no
        one; the box's name in the page's upper half is its subject."""
        slot = self.segments[number][0]
        if self.opens_about_box(number):
            return "boilerplate", f"an organisation's box: 'About <name>' over the paragraph saying what it is; " \
                                  f"{word_count(self.counts[number])}, {self.positions[number].describe()}"
        if self.same_document(number - 1, slot) and self.opens_about_box(number - 1):
            return "boilerplate", f"an organisation's box: the paragraph on what it is under {self.texts[number - 1]!r};" \
                                  f" {word_count(self.counts[number])}, {self.positions[number].describe()}"
        return None

    def opens_about_box(self, number: int) -> bool:
        """Whether a line is the heading of an organisation's box (see about_box_reason)."""
        text, below = self.texts[number].strip("*_ "), number + 1
        if text[:6].casefold() not in _ABOUT_OPENERS or self.counts[number] > LIST_HEADING_WORDS \
                or not self.positions[number].in_lower_half or _SENTENCE_END.search(text.rstrip()) \
                or not self.same_document(below, self.segments[number][0]):
            return False
        name = _ABOUT_NAME.fullmatch(fold(text).strip())
        if name is None or not names_something(text.split(None, 1)[1]):
            return False
        opening = fold(self.texts[below]).lstrip()
        if _FOUNDED.match(opening):
            return True  # "Fundada em 1943, a biblioteca tem ..." (found blind in probe 42)
        for article in ("a ", "o ", "as ", "os ", "the ", ""):
            if opening.startswith(article + name[1] + " "):
                return opening[len(article) + len(name[1]) + 1:].startswith(_DEFINING_VERBS)
        return False

    def named_author_box_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision in a page's lower half is the author's box, labelled with the author's
        name, the bio naming them in full after it ("Sobre a Lu: Luciana Teles é cozinheira amadora, ...", probe 28;
        "About Maya: Maya Okoro writes ..."). A section on a thing opens with the thing, no name ("Sobre o projeto: O
        projeto começou ...")."""
        text = self.texts[number]
        if text[:6].casefold() not in _ABOUT_OPENERS or self.counts[number] > WHOLE_SEGMENT_KINDS["author bio"] \
                or not self.positions[number].in_lower_half or _NAMED_AUTHOR_BOX.match(fold(text)) is None \
                or not names_something(" ".join(text.split(":", 1)[1].split()[:2])):
            return None
        return "boilerplate", f"author bio: a box labelled with the author's name; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def affiliation_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is an author's affiliation: a department or institution of learning or
        research, then its parts, town and country between commas, and no sentence ("Universidade Federal do Paraná,
        Centro de Estudos do Mar, Pontal do Paraná, PR, Brasil", probe 28; "School of Geography, University of Leeds,
        Leeds LS2 9JT", probe 29). A sentence about a university has clauses longer than an address's parts."""
        if self.names_an_institution(number):
            return "boilerplate", f"byline or credit: an author's affiliation (an institution, its town and country); " \
                                  f"{word_count(self.counts[number])}, {self.positions[number].describe()}"
        if self.affiliated_unit(number) or self.marked_affiliation(number) or self.institution_under_unit(number):
            return "boilerplate", f"byline or credit: an author's affiliation (a department alone, by the authors or " \
                                  f"their affiliations, or with its mark); {word_count(self.counts[number])}, " \
                                  f"{self.positions[number].describe()}"
        return None

    def names_an_institution(self, number: int) -> bool:
        """Whether a line is an affiliation naming its institution of learning or research (see affiliation_reason)."""
        text = self.texts[number]
        return text.count(",") >= AFFILIATION_COMMAS and self.counts[number] <= 2 * SHORT_WORDS \
            and text.rstrip()[-1:] not in ".!?;:" and _AFFILIATION.match(fold(text)) is not None \
            and _LEARNING.search(fold(text)) is not None \
            and all(len(part.split()) <= AFFILIATION_PART_WORDS for part in text.split(","))

    def affiliated_unit(self, number: int) -> bool:
        """Whether a short line is an affiliation that names only its department, school or centre ("¹ Department of
        Physics", "Departamento de Economia"; probe 31): with an affiliation's superscript mark, or right by the
        authors' line or another affiliation. The same words alone elsewhere are a heading or a name."""
        text, slot = self.texts[number], self.segments[number][0]
        if self.counts[number] > AFFILIATION_PART_WORDS or "," in text or text.rstrip()[-1:] in ".!?;:" \
                or _AFFILIATION.match(fold(text)) is None:
            return False
        return text.lstrip()[:1] in _AFFILIATION_MARKS or any(
            self.same_document(line, slot) and (self.names_an_institution(line) or self.lists_authors(line))
            for line in (number - 1, number + 1))

    def institution_under_unit(self, number: int) -> bool:
        """Whether a short line naming an institution of learning or research, with fewer parts than an affiliation's
        address, is the rest of the department's affiliation by it ("Universidade de Évora, Portugal" under
        "Departamento de Geografia" under the authors; probe 32), its name as long as it is ("Faculdade de Ciências da
        Universidade do Porto, Portugal", found blind)."""
        text, slot = self.texts[number], self.segments[number][0]
        if self.counts[number] > 2 * AFFILIATION_PART_WORDS or text.rstrip()[-1:] in ".!?;:" \
                or _AFFILIATION.match(folded := fold(text)) is None or _LEARNING.search(folded) is None:
            return False
        return any(self.same_document(line, slot) and self.affiliated_unit(line) for line in (number - 1, number + 1))

    def marked_affiliation(self, number: int) -> bool:
        """Whether a line is an affiliation that names no place of learning, by its mark (a superscript, or a letter
        before a capital), its parts between commas and an affiliation by it ("b Environment Agency, Ipswich, United
        Kingdom" under "a School of Life Sciences, University of Essex, ..."; probe 31)."""
        text, slot = self.texts[number].strip(), self.segments[number][0]
        if "," not in text or text[-1:] in ".!?;:" or self.counts[number] > 2 * SHORT_WORDS \
                or _AFFILIATION_MARK.match(text) is None \
                or any(len(part.split()) > AFFILIATION_PART_WORDS for part in text.split(",")):
            return False
        return any(self.same_document(line, slot) and (self.names_an_institution(line) or self.affiliated_unit(line))
                   for line in (number - 1, number + 1))

    def lists_authors(self, number: int) -> bool:
        """Whether a line was left out as a paper's list of authors."""
        chrome = self.decide(number)[0]
        return chrome is not None and chrome[1].startswith("byline or credit: a list of")

    def credited_name_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision ends the credit line above it, left out and ending in "by" or
        "por" ("News provided by" over "Harwell Thermal Systems"; probe 22). Under a line of content ending so, a
        name is the sentence going on; a field's value is no credit ("Idioma: por", Portuguese's code, over "País:
        Brasil")."""
        slot, above = self.segments[number][0], number - 1
        if self.counts[number] > CREDITED_NAME_WORDS or not self.same_document(above, slot) \
                or ":" in self.texts[above] or not ends_in_by(self.texts[above]) \
                or self.decide(above)[0] is None:
            return None
        return "boilerplate", f"byline or credit: the name ending {self.texts[above]!r}; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def subscribe_box_reason(self, number: int) -> Reason | None:
        """Why a short paragraph kept by its own decision is a subscribe box's pitch: right between the box's heading
        and its button, both subscribe prompts ("Newsletter Local" over "Todas as semanas, as histórias das cidades e
        vilas do país." over "Subscrever"; probe 21), or a heading offering more of the page's posts over a pitch, a
        count of subscribers and the button (a Substack post's "Discover more from Plot 14"; probe 27). In an e-mail
        newsletter the paragraph under its name is content: no button under it."""
        slot, above, below = self.segments[number][0], number - 1, number + 1
        if self.counts[number] > SHORT_WORDS or not (self.same_document(above, slot) and self.same_document(below, slot)):
            return None
        heading = self.decide(above)[0]
        if heading is None or not heading[1].startswith(("subscribe prompt", "read-also prompt")) \
                or has_menu_separator(self.texts[above]):
            return None
        # The box may count its readers between the pitch and the button ("Over 2,000 subscribers" over "Subscribe");
        # under a heading that offers more of the page's posts ("Discover more from Plot 14"), the button subscribes.
        counted = self.decide(below)[0]
        if counted is not None and counted[1].startswith("engagement count") and self.same_document(below + 1, slot):
            below += 1
        if not self.box_button(below) or heading[1].startswith("read-also prompt") and not (
                _SENTENCE_END.search(self.texts[number].rstrip()) is not None
                and (button := self.decide(below)[0]) is not None and button[1].startswith("subscribe prompt")):
            return None  # under a read-also heading, a link's title (no sentence) is the list's
        return "boilerplate", f"subscribe prompt: a box's pitch between its heading and its button; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def box_button(self, number: int) -> bool:
        """Whether a line is a box's button: a subscribe prompt ("Subscrever"), or a label of a few words left out
        ("Quero receber", probe 25) with chrome or the page's end under it (a section's heading is over content)."""
        chrome, below = self.decide(number)[0], number + 1
        if chrome is None:
            return False
        if chrome[1].startswith("subscribe prompt"):
            return True
        return 1 <= self.counts[number] <= FRAGMENT_WORDS and not has_menu_separator(self.texts[number]) and (
            not self.same_document(below, self.segments[number][0]) or self.decide(below)[0] is not None)

    def address_block_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is part of a postal address set out over lines: among a page's first
        LETTERHEAD_SEGMENTS, a letter's addressee block (its postcode and town alone, "4050-174 Porto", or its street
        over that line, "Rua de Cedofeita, 212, 2.º Dto."); among its last EDGE_SEGMENTS, a footer's (see
        in_footer_address)."""
        position, slot, text = self.positions[number], self.segments[number][0], self.texts[number]
        if position.in_letterhead and self.counts[number] <= ADDRESS_LINE_WORDS and (is_postcode_line(text) or (
                _STREET.match(text.strip()) is not None and self.over_postcode_line(number, slot))):
            return "boilerplate", f"a line of a postal address set out over lines (a letter's addressee); " \
                                  f"{word_count(self.counts[number])}, {position.describe()}"
        if position.index >= position.count - EDGE_SEGMENTS and self.in_footer_address(number, slot):
            return "boilerplate", f"a line of a postal address closing the page (a footer's); " \
                                  f"{word_count(self.counts[number])}, {position.describe()}"
        return None

    def over_postcode_line(self, number: int, slot: int) -> bool:
        return self.same_document(number + 1, slot) and is_postcode_line(self.texts[number + 1])

    def in_footer_address(self, number: int, slot: int) -> bool:
        """Whether a line among a page's last lines, no sentence, is its footer's address: the postcode and town alone
        ("Leeds LS1 4DY", "48520-000 Canudos (BA)"), or a street and number set apart ("Northgate Jobs Ltd, 4 Station
        Parade", "Prefeitura de Itabira · Av. Carlos de Paula Andrade, 135 · Centro") over that line or as the page's
        last line. Session 49's probe kept both: a line of a few words reads as a title, and a postcode line's
        figures make it details."""
        text = self.texts[number]
        if _SENTENCE_END.search(text):
            return False
        if is_postcode_line(text):
            return True
        return street_set_apart(text) and (self.over_postcode_line(number, slot)
                                           or not self.same_document(number + 1, slot))

    def credits_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision (or rescued as a section's heading) is part of a block of credits: one
        of CREDITS_MIN_LINES or more credits in a row, CREDIT_ROLES_MIN of them naming what people did ("Director:
        Eleanor Price" over "Writer: Tom Aldous" over "Cast: ..."; a magazine's "Diretor de redação: ..."), or the
        block's heading right above it ("Cast and credits", "Expediente"). A listing's fields ("Marca: Caloi") name
        no role. Asked of every line kept: the colon is looked for first."""
        text, words, below = self.texts[number], self.counts[number], number + 1
        if is_credit(text) and self.in_credits(number):
            return "boilerplate", f"a credit in a block of {CREDITS_MIN_LINES} or more (a film's credits or a " \
                                  f"masthead); {word_count(words)}, {self.positions[number].describe()}"
        if is_credits_line(text):
            return "boilerplate", f"a line of credits between dots, {CREDIT_ROLES_MIN} or more naming a role (a show's " \
                                  f"credits); {word_count(words)}, {self.positions[number].describe()}"
        if words <= LIST_HEADING_WORDS and self.same_document(below, self.segments[number][0]) \
                and is_credit(self.texts[below]) and self.in_credits(below) \
                and not _SENTENCE_END.search(text.rstrip().removesuffix(":")):
            return "boilerplate", f"the heading of a block of credits; {word_count(words)}, {self.positions[number].describe()}"
        return None

    def in_credits(self, number: int) -> bool:
        """Whether a credit is one of a block of credits; a Markdown list's are a review's details (its "Ficha
        técnica"), which its author listed in the text."""
        return self.details_items(number) is None and self.run_decision(
            self.credit_blocks, number, is_credit, lambda run: len(run) >= CREDITS_MIN_LINES
            and roles_named(self.texts[line] for line in run) >= CREDIT_ROLES_MIN)

    def details_items(self, number: int) -> list[str] | None:
        """The items of the Markdown list of fields whose item the segment is (see details_list_items)."""
        return details_list_items(self.documents[self.segments[number][0]][0].text, self.segments[number][3])

    def in_credits_list(self, number: int) -> bool:
        """Whether a segment is an item of a Markdown list of fields CREDIT_ROLES_MIN of which name what people did: a
        film's or a book's details in its review ("- Direção: ...", "- Elenco: ...", "- Duração: 112 min")."""
        items = self.details_items(number)
        return items is not None and roles_named(items) >= CREDIT_ROLES_MIN

    def price_breakdown_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is part of a price breakdown: one of PRICE_LINES_MIN or more short lines
        in a row that end in a price, one of them a total ("£142 x 7 nights £994" over "Cleaning fee £60" over "Total
        before taxes £1,054"): a booking box's sums, not the listing's text; or each price set apart from its label under
        a label naming prices (see labelled_as_prices), a box office's price list."""
        if not is_price_line(self.texts[number]) or not self.run_decision(
                self.price_breakdowns, number, is_price_line, lambda run: len(run) >= PRICE_LINES_MIN and (any(
                    _TOTAL.match(fold(self.texts[line]).lstrip("*_ ")) for line in run) or (all(
                    _PRICE_SET_APART.search(self.texts[line]) for line in run) and self.labelled_as_prices(run.start)))):
            return None
        return "boilerplate", f"a price breakdown or list: a line ending in a price among {PRICE_LINES_MIN} or more " \
                              f"with their total or each price set apart; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def labels_price_list(self, number: int) -> bool:
        """Whether a line is the label naming prices right over a price list (see labelled_as_prices)."""
        return self.counts[number] <= FRAGMENT_WORDS \
            and _PRICE_LIST_LABEL.fullmatch(fold(self.texts[number]).strip("#*_: ")) is not None \
            and self.same_document(number + 1, self.segments[number][0]) \
            and self.price_breakdown_reason(number + 1) is not None

    def labelled_as_prices(self, first: int) -> bool:
        """Whether the line right above a run's ``first`` line is a label naming prices or tickets ("Preços", "##
        Ingressos", "Tickets"): a box office's price list (probe 38). A restaurant's dishes sit under their course
        ("Entradas", "Sobremesas") and a story's price table under its sentence, and stay (probe 40)."""
        above = first - 1
        return above >= 0 and self.same_document(above, self.segments[first][0]) \
            and _PRICE_LIST_LABEL.fullmatch(fold(self.texts[above]).strip("#*_: ")) is not None

    def mail_header_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is a field of a forwarded e-mail's header: one of MAIL_HEADER_MIN_LINES
        or more field lines in a row, among them a sender and a subject ("Date: Fri, 6 Mar 2026 at 07:02" between
        "From: ..." and "Subject: ..."). Asked of every line kept: the field's colon is looked for first."""
        if mail_field(self.texts[number]) is None or not self.run_decision(
                self.mail_headers, number, mail_field, self._is_mail_header):
            return None
        return "boilerplate", f"a field of an e-mail's header; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def _is_mail_header(self, run: range) -> bool:
        fields = {mail_field(self.texts[line]) for line in run}
        return len(run) >= MAIL_HEADER_MIN_LINES and not fields.isdisjoint(_SENDER_FIELDS) \
            and not fields.isdisjoint(_SUBJECT_FIELDS)

    def trail_reason(self, number: int) -> Reason | None:
        """Why a line is a breadcrumb: a trail of three items or more that ends on the page's title, the line right under
        it, whatever the title says and however long the site's name opening the trail ("Grow Your Own Forum ›
        Vegetables › Raised beds: wood or metal?" over "Raised beds: wood or metal?", found blind in probe 30). One that
        is a menu by its own decision keeps that reason."""
        slot, text = self.segments[number][0], self.texts[number]
        if not self.crumb_like[number] or not self.same_document(number + 1, slot):
            return None
        crumbs = [crumb.strip() for crumb in _BREADCRUMB_SEPARATOR.split(fold(text))]
        if len(crumbs) < 3 or crumbs[-1] != fold(self.texts[number + 1]).strip() \
                or any(len(crumb.split()) > 2 * MENU_ITEM_WORDS for crumb in crumbs[:-1]) \
                or self.decide(number)[0] is not None:
            return None
        return "navigation", f"a breadcrumb over the page's title it ends on; {word_count(self.counts[number])}, " \
                             f"{self.positions[number].describe()}"

    def page_number_reason(self, number: int) -> Reason | None:
        """Why a line is a printed page's number: a number alone (or "Página 3") right by a form feed, where a report
        exported from PDF breaks its pages, or a running header or footer that closes with it. In a table, a number
        alone is a cell."""
        if len(self.texts[number]) > RUNNING_LINE_CHARS:  # a paragraph, decided without copying it
            return None
        text = self.texts[number].strip()
        if not (text.rstrip(" -–—")[-1:].isdigit() and (len(text) <= PAGE_NUMBER_CHARS and _PAGE_NUMBER.fullmatch(text)
                                                      or _RUNNING_PAGE_NUMBER.search(text))
                or text[:1].isdigit() and _LEADING_RUNNING_PAGE_NUMBER.match(text)):
            return None
        if text[:1].isdigit() and is_journal_citation(_RUNNING_HEADER_SEPARATOR.split(text)[-1]):
            # A page's number, its authors and its journal's citation line are a running header wherever they stand:
            # text copied from a PDF has no page breaks ("114 C. Menezes et al. / Revista de Economia Regional 58
            # (2026) 112–127", probe 31).
            return "boilerplate", f"running header or footer: a page's number, its authors and the journal's " \
                                  f"citation line; {self.positions[number].describe()}"
        if not self.by_page_break(number):
            return None
        return "boilerplate", f"running header or footer: a page's number by the break between pages; " \
                              f"{self.positions[number].describe()}"

    def by_page_break(self, number: int) -> bool:
        """Whether a line stands right by a form feed, where a text exported from PDF breaks its pages."""
        slot, _index, _count, start, end, _text = self.segments[number]
        document = self.documents[slot][0].text
        if slot not in self.paged:
            self.paged[slot] = "\f" in document
        return self.paged[slot] and (document[end:end + PAGE_NUMBER_CHARS].lstrip(" \t\r\n").startswith("\f")
                                     or document[max(0, start - PAGE_NUMBER_CHARS):start].rstrip(" \t\r\n").endswith("\f"))

    def page_edge_copy_reason(self, number: int) -> Reason | None:
        """Why a line without a sentence's end is a PDF's running header or footer: it stands right by a form
        feed, where the dump breaks its pages, or opens or closes the dump, and the document holds it again ("Diário da República, 2.ª série ...
        N.º 233 — 3 de dezembro de 2026" over each of a notice's two pages; probe 46). A repeat of three copies or more
        is found once the document is read (preload's repeated lines); two are found here, by the page break."""
        text = self.texts[number].rstrip()
        if len(text) > RUNNING_LINE_CHARS or text[-1:] in ".!?":  # a paragraph; a running line is laid out, not said
            return None
        slot = self.segments[number][0]
        # A dump's first and last lines are its first page's top and its last page's bottom.
        at_page_edge = self.by_page_break(number) or self.paged[slot] and (
            self.positions[number].index == 0 or not self.same_document(number + 1, slot))
        # Three copies or more are preload's repeated lines; a line chrome by its own features keeps its reason.
        if not at_page_edge or self.documents[slot][0].text.count(self.texts[number].strip()) != 2 \
                or self.decide(number)[0] is not None:
            return None
        return "boilerplate", f"running header or footer: a line by the break between a PDF's pages, repeated on " \
                              f"another page; {self.positions[number].describe()}"

    def one_page_header_reason(self, number: int) -> Reason | None:
        """Why a text's first line is a PDF page's running header with no page break to show it: a short line without a
        sentence's end, parts between separators (a report's or a bulletin's title and its publisher), over a page
        whose last line is its number ("Relatório Anual de Saneamento 2025 — Agência Reguladora de Águas" over
        chapter 3's page, "Página 14 de 62" under it; probe 51's, kept there, and probe s45's)."""
        position = self.positions[number]
        if position.index or position.count < 3 or len(self.texts[number]) > RUNNING_LINE_CHARS:
            return None
        text = self.texts[number].strip()
        if text[-1:] in ".!?:" or not _is_short_line(text, SHORT_WORDS) or not _RUNNING_HEADER_SEPARATOR.search(text):
            return None
        last = number + position.count - 1
        if not self.same_document(last, self.segments[number][0]) or len(self.texts[last]) > PAGE_NUMBER_CHARS \
                or _PAGE_OF_PAGES.fullmatch(self.texts[last].strip()) is None:
            return None
        return "boilerplate", f"running header or footer: a one-page PDF's first line, a title and its publisher, " \
                              f"over the page whose number closes it; {position.describe()}"

    def cover_page_reason(self, number: int) -> Reason | None:
        """Why a line is a printout's cover: one of the few short lines without a sentence's end that stand alone
        above a report's first page break (its organisation, title, subtitle, approval date: "COOPERATIVA AGRÍCOLA DO
        VALE DO SOUSA, CRL" over "Relatório e Contas 2025" over "Aprovado em Assembleia Geral de ..."; probes 28 and
        29), which its running header repeats on every page. A first page with a sentence on it is text."""
        position = self.positions[number]
        if position.index >= COVER_LINES or self.counts[number] > SHORT_WORDS:
            return None
        slot, first = self.segments[number][0], number - position.index
        document = self.documents[slot][0].text
        first_break = document.find("\f", 0, self.segments[number][4] + COVER_PAGE_CHARS)
        if first_break < self.segments[number][4]:
            return None
        cover = [line for line in range(first, first + COVER_LINES + 1)
                 if self.same_document(line, slot) and self.segments[line][4] <= first_break]
        if len(cover) > COVER_LINES or any(self.counts[line] > SHORT_WORDS or self.texts[line].rstrip()[-1:] in ".!?"
                                           for line in cover):
            return None
        return "boilerplate", f"a printout's cover: a short line alone above the first page break; " \
                              f"{word_count(self.counts[number])}, {position.describe()}"

    def delimited_signature_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision is a member's or sender's signature: one of the few short lines
        right under a signature's delimiter ("--" over "Ride slow, see more. Touring since 1988." in a forum's post;
        probe 28)."""
        slot, line = self.segments[number][0], number
        for _step in range(DELIMITED_SIGNATURE_LINES):
            # A motto is a sentence ("Ride slow, see more."); a sign-off or greeting ends in a comma.
            if self.counts[line] > SHORT_WORDS or self.texts[line].rstrip().endswith(","):
                return None
            line -= 1
            if not self.same_document(line, slot):
                return None
            if _SIGNATURE_DELIMITER.fullmatch(self.texts[line].strip()):
                return "boilerplate", f"a signature: a short line under its delimiter {self.texts[line].strip()!r}; " \
                                      f"{word_count(self.counts[number])}, {self.positions[number].describe()}"
            # The sender's name is a fragment by its own decision ("Inês Carvalho" over "Diretora de Compras |
            # Metalonorte, S.A." over "Tel. +351 ..."; seed-shaped probe 42).
            if (chrome := self.decide(line)[0]) is not None and chrome[0] != "fragment":
                return None
        return None

    def chat_note_reason(self, number: int) -> Reason | None:
        """Why a short line is a chat member's note on what they share: right under a message's author and time
        (``is_chat_header``: "jonas_k — Today at 9:14 AM" over "pasting the whole thing, the paywall is down"), said
        once, over the next message's header or over a line the document says twice (the shared post's first line,
        whose other copy is pasted again further on; seed-shaped probe 42). A message's own text goes on under it
        with lines said once."""
        slot, above, below = self.segments[number][0], number - 1, number + 1
        # A forum's badge may sit between its author's header and the note: "yuki-t commented Dec 4, 2026" over
        # "Maintainer" (seed-shaped probe 43's GitHub discussion).
        if self.same_document(above - 1, slot) and " " not in self.texts[above].strip() \
                and is_chat_header(self.texts[above - 1]):
            above -= 1
        if not (self.same_document(above, slot) and self.same_document(below, slot)
                and is_chat_header(self.texts[above])) or self.said_twice(number):
            return None
        if not (is_chat_header(self.texts[below]) or self.said_twice(below)):
            return None
        return "boilerplate", f"a chat member's note: a short line under a message's author and time, over the next " \
                              f"message or the post it shares; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def copy_note_reason(self, number: int) -> Reason | None:
        """Why a line is a sharer's note over the post they paste again ("ela postou a versão revisada no LinkedIn,
        copio aqui:", "The IFR figure in the original was wrong, this is the thread as he first posted it:";
        seed-shaped probe 44's Threads, DEV Community, Mastodon, X and Instagram posts, whose headers are no chat
        message's): it introduces what follows (it ends in a colon), is said once, stands under a line left out on
        its own (the sharer's handle, badge, age or "Replying to @..."), and two of the three lines under it are the
        copy, sentences said above it already (one may be changed by a word). A README's "Give it a station code
        ...:" over a code fence said before opens no copy (probe 30); the post's own opening line, which may end in a
        colon too, is copied, not said once: its copy, changed by a word, shares most of its words with it
        (``words_of_a_line_above``)."""
        text = self.texts[number].rstrip()
        if not text.endswith(":"):
            return None
        slot, above, below = self.segments[number][0], number - 1, number + 1
        if not self.same_document(above, slot) or self.decide(above)[0] is None or self.said_twice(number):
            return None
        # The copy's lines are the post's sentences: a code fence ("```bash") or a label said again copies no post.
        copied = sum(self.same_document(line, slot) and self.counts[line] > FRAGMENT_WORDS
                     and self.repeats_a_line_above(line) for line in range(below, below + 3))
        if copied < 2 or self.words_of_a_line_above(number):
            return None
        return "boilerplate", f"a sharer's note: a line introducing the copy of the post under it, under its sharer's " \
                              f"line; {word_count(self.counts[number])}, {self.positions[number].describe()}"

    def words_of_a_line_above(self, number: int) -> bool:
        """Whether a line above ``number`` in its document holds most of its words (a copy of it, changed by a word)."""
        slot, words, earlier = self.segments[number][0], set(self.normalised[number].split()), number - 1
        while self.same_document(earlier, slot):
            if 2 * len(words & set(self.normalised[earlier].split())) > len(words):
                return True
            earlier -= 1
        return False

    def said_twice(self, number: int) -> bool:
        """Whether another segment of the document says what ``number`` says."""
        slot, text = self.segments[number][0], self.normalised[number]
        line = number - self.positions[number].index
        while self.same_document(line, slot):
            if line != number and self.normalised[line] == text:
                return True
            line += 1
        return False

    def heads_prose_between_prose(self, number: int) -> bool:
        """Whether a fragment is a plain heading between two paragraphs of prose, heading the one below ("Autumn fair"
        in a school's newsletter as text; probe 28). A menu's item or a label is among short lines or at the page's
        edge; a count ("É útil 34"), a link's label and a box's "About this episode" or "About Ledgerline" are no
        section's heading. A product page's "Reviews" heads its reviews past their rating's summary ("4.3 out of 5 · 87
        reviews", left out as a count; s51-cleaning)."""
        text = self.texts[number]
        return could_be_heading(text) and not any(character.isdigit() or character == "[" for character in text) \
            and _ABOUT.match(fold(text)) is None and (self.opens_prose(number) or self.opens_prose_past_count(number)) \
            and (self.prose_at(number - 1, number) or self.ends_a_list_of_things(number - 1, number))

    def opens_prose_past_count(self, number: int) -> bool:
        """Whether the line under a segment is left out as a count (a rating's summary) over prose kept."""
        below = number + 1
        if not self.same_document(below, self.segments[number][0]):
            return False
        chrome = self.decide(below)[0]
        return chrome is not None and chrome[1].startswith("engagement count") and self.opens_prose(below)

    def heads_numbered_section(self, number: int) -> bool:
        """Whether a fragment is a numbered section's heading over its prose, its number the list mark segmentation
        took off ("1. Apologies" over "Apologies were received from ..." in a council's minutes, under the attendance
        line, no paragraph; s49-cleaning), with the next or the previous number heading another line of its document:
        minutes and reports number their items, a menu or a list of labels does not open each over prose."""
        text = self.texts[number]
        if not could_be_heading(text) or not self.opens_prose(number):
            return False
        document, start = self.documents[self.segments[number][0]][0].text, self.segments[number][3]
        mark = _SECTION_NUMBER.fullmatch(document, document.rfind("\n", 0, start) + 1, start)
        if mark is None:
            return False
        item = int(mark.group(1))
        return any(re.search(rf"^{sibling}\. \S", document, re.MULTILINE) is not None for sibling in (item - 1, item + 1)
                   if sibling > 0)

    def heads_provision(self, number: int) -> bool:
        """Whether a fragment is a statute's numbered provision over its text ("Artigo 3.º", "Section 4", "§ 2" over the
        provision's sentences; s52-cleaning2): a law or a regulation numbers each provision, and the heading belongs to
        its text as other headings over prose do (its digits keep it from heads_prose_between_prose)."""
        return _PROVISION_HEADING.fullmatch(fold(self.texts[number]).strip(" *_#")) is not None \
            and self.opens_prose(number)

    def heads_first_section_under_dateline(self, number: int) -> bool:
        """Whether a fragment is a bulletin's first section's heading: a plain heading over prose right under its issue's
        date line (a dated line the byline cue left out, or a month and year alone), with nothing but chrome above it
        in its document (the bulletin's name and issue), in a document where a later heading stands between paragraphs
        (heads_prose_between_prose): "Avisos paroquiais" under "Domingo, 13 de dezembro de 2026 · III Domingo do
        Advento", "Catequese" further down (probe s47's "Avisos da semana", s47-cleaning2). A section's heading names it
        in two words or more, or in one when the chrome above names the bulletin's issue by its number (s48-cleaning2:
        "Notices" under "... · Parish News No. 412"): one word under a post's time is a label ("Join", "Maintainer",
        "Público" in seedlike22/43/44), a tag under a story's date stands under its kept title (unseen's "Alteração de
        itinerário"), a news page's section label stands under its menu. A page of one section gives its first heading no sibling:
        there, the heading is over two paragraphs and the chrome above names the bulletin's issue by its number ("St
        John Lee, Hexham · Parish News No. 233" over its date line over "This week", s48-cleaning; s47-cleaning2's blind
        "Notices")."""
        slot, above, text = self.segments[number][0], number - 1, self.texts[number]
        if self.counts[number] < 1 or not could_be_heading(text) \
                or any(character.isdigit() or character == "[" for character in text) \
                or not self.same_document(above, slot) or not self.opens_prose(number):
            return False
        first = above
        while self.same_document(first - 1, slot):
            first -= 1
        if any(self.decide(line)[0] is None for line in range(first, above)):
            return False
        chrome_above = self.decide(above)[0] or (self.one_page_header_reason(above) if above == first else None)
        # ... or under a document's running header, as a manual's or report's page opens (s48-cleaning: "Limpeza e
        # cuidados" under "Fritadeira sem óleo AirCook 4L · Manual do usuário").
        if chrome_above is None or not (chrome_above[1].startswith(("byline or credit", "running header"))
                                        or chrome_above[0] == "fragment"
                                        and _REFERENCE_YEAR.search(self.texts[above]) is not None):
            return False
        names_issue = any(_ISSUE_NUMBER_END.search(fold(self.texts[line]).rstrip()) for line in range(first, above))
        if self.counts[number] == 1 and not names_issue:
            return False
        later = number + 2
        while self.same_document(later, slot):
            if self.heads_prose_between_prose(later):
                return True
            later += 1
        return names_issue and self.opens_prose(number + 1)

    def ends_a_list_of_things(self, line: int, number: int) -> bool:
        """Whether ``line`` is an item of a list of things (a recipe's "2 large eggs" over its "Instructions"; probe 33)
        in the document of ``number``, kept as one (see in_content_list)."""
        if not self.same_document(line, self.segments[number][0]):
            return False
        chrome = self.decide(line)[0]
        return (chrome is None or chrome[0] == "fragment") \
            and in_content_list(self.documents[self.segments[line][0]][0].text, self.segments[line][3])

    def heads_prose_under_chrome(self, number: int, in_body: bool) -> bool:
        """Whether a fragment is a plain heading right under a button that closes the section of prose above, or under
        a printed page's running header, and over the paragraph of prose it opens ("Matrículas 2027" under a text
        e-mail's "[Confirme sua presença]", "Nota introdutória" under a report's running header; probes 28 and 29). A
        row of buttons ends in a button ("Comprar bilhetes", "Adicionar ao calendário", "Como chegar"); in
        a page's header a label over the lead is the site's section ("Economia" under the menu); a label over a copy of
        the text above is a box of teasers' ("Continuar a ler", "Postagens relacionadas" over the post again); a menu's
        items are among fragments, and a count ("Helpful 34") has a number that is no year."""
        slot, above, text = self.segments[number][0], number - 1, self.texts[number]
        if not could_be_heading(text) or "[" in text or _ABOUT.match(fold(text)) is not None \
                or any(character.isdigit() for character in _YEAR.sub("", text)) or not self.same_document(above, slot):
            return False
        if not self.opens_prose(number) or self.repeats_a_line_above(number + 1):
            return False
        if self.tops_a_printed_page(above):
            return True
        chrome_above = self.decide(above)[0]
        if in_body and chrome_above is not None and chrome_above[1].startswith("advertisement"):
            return self.follows_ad_labels(number)
        return in_body and chrome_above is not None and chrome_above[1].startswith("button or link label") \
            and not has_menu_separator(self.texts[above]) and self.prose_at(above - 1, number)

    def follows_ad_labels(self, number: int) -> bool:
        """Whether the lines right above a segment are an ad's labels left out ("Publicidade", "Continua após a
        publicidade", "Advertisement") with prose or a list's last item above them: the ad sits between two sections,
        and the heading under it heads the next ("Ingredientes", "Preparação"; s52-cleaning2)."""
        slot, above = self.segments[number][0], number - 1
        while self.same_document(above, slot) and (chrome := self.decide(above)[0]) is not None \
                and chrome[1].startswith("advertisement"):
            above -= 1
        return above < number - 1 and (self.prose_at(above, number) or self.ends_a_list_of_things(above, number))

    def heads_section_past_its_control(self, number: int) -> bool:
        """Whether a plain heading heads content that starts past the one line of chrome right under it that works on
        the section: its listing's sort control ("Customer reviews" over "Sort by: Most helpful · Newest" over the
        reviews), a notice naming what the heading names ("Transcript" over "This transcript was generated
        automatically" over what was said; probe 30), or a row of buttons right over the section's prose ("Summer
        Reading Volunteers" over "Apply Now Download PDF"; s53-cleaning). A box's heading is over its own chrome (a
        button, a menu, links) with no prose after it."""
        slot, below, text = self.segments[number][0], number + 1, self.texts[number]
        if not could_be_heading(text) or not self.same_document(below, slot):
            return False
        chrome_below = self.decide(below)[0]
        if chrome_below is None:
            return False
        if chrome_below[1].startswith(_BUTTONS_ROW_REASON):
            return self.prose_at(below + 1, number)
        folded_below = fold(self.texts[below])
        lead = _LEADING_MARKUP.match(folded_below).end()  # type: ignore[union-attr]
        if _SORT_CONTROL.match(folded_below[lead:]) is None and _DISCUSSION_BAR.match(folded_below[lead:]) is None \
                and not self.notes_the_section(below, text, chrome_below):
            return False
        return any(self.prose_at(later, number) for later in range(below + 1, below + 1 + EDGE_SEGMENTS))

    def over_buttons_row_over_prose(self, number: int) -> bool:
        """Whether the line under a segment (in its document) is a row of buttons left out and a paragraph of prose
        is under that row: the buttons work on the section the segment heads ("Apply Now Download PDF")."""
        chrome_below = self.decide(number + 1)[0]
        return chrome_below is not None and chrome_below[1].startswith(_BUTTONS_ROW_REASON) \
            and self.prose_at(number + 2, number)

    def over_discussion_bar(self, number: int) -> bool:
        """Whether a line stands over a talk page's discussion bar (``_DISCUSSION_BAR``), which only a section's heading
        does, in the page's header too (under the page's title, tabs and banner: probe 51's "Opening year")."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) \
            and _DISCUSSION_BAR.match(fold(self.texts[below]).lstrip(" *_#")) is not None

    def notes_the_section(self, number: int, heading: str, chrome: Reason) -> bool:
        """Whether a line left out for its cue phrases is a short sentence naming what ``heading`` names, a note on the
        section ("This transcript was generated automatically and may contain errors."); a box's own text is a longer
        pitch or notice, a count ("23 questions") or an entry's date ("Mar 4, 2025 · Version 3.2") no sentence."""
        text = self.texts[number]
        return chrome[0] == "boilerplate" and not chrome[1].startswith("byline or credit") \
            and self.counts[number] <= SHORT_WORDS and SENTENCE_PUNCTUATION.search(text.rstrip()) is not None \
            and names_the_same_thing(WORD_TOKEN.findall(fold(heading)), WORD_TOKEN.findall(fold(text)))

    def tops_a_printed_page(self, number: int) -> bool:
        """Whether a short line without a sentence's end opens a page of a text exported from PDF, right after its form
        feed: the page's running header, known as such only once the document is read (see preload's repeated lines)."""
        slot, _index, _count, start, _end, text = self.segments[number]
        return self.documents[slot][0].text[max(0, start - PAGE_NUMBER_CHARS):start].rstrip(" \t\r\n").endswith("\f") \
            and _is_short_line(text, SHORT_WORDS) and text.rstrip()[-1:] not in ".!?"

    def heads_a_section_below_list(self, number: int) -> bool:
        """Whether a Markdown heading over prose kept starts a section below a read-also list whose heading is a plain
        line: a heading of the page's own marks the list's end."""
        return not self.list_under_markdown_heading \
            and is_markdown_heading(self.documents[self.segments[number][0]][0].text, self.segments[number][3]) \
            and self.opens_prose(number)

    def heads_a_section_of_the_lists_rank(self, number: int) -> bool:
        """Whether a Markdown heading is of the level of the read-also list's Markdown heading, or higher: the page's
        next section ("## Specifications" under "## Frequently bought together", whose links the extraction left out;
        probe 33). A list's entries set as headings are a level below its heading ("### <title>" under "## Related")."""
        return self.list_heading_level > 0 and 0 < markdown_heading_level(
            self.documents[self.segments[number][0]][0].text, self.segments[number][3]) <= self.list_heading_level

    def heads_an_agenda_entry(self, number: int) -> bool:
        """Whether a short line is an agenda's event: under its day alone, a weekday's date ("Friday 4 December",
        "Sábado, 12 de dezembro"), and over its details opening with the hour ("7pm, tickets £5", "Às 16h, no
        Auditório") or over prose, in a document that lists another day so (s49-cleaning: a plain-text agenda's "Author
        talk" and "Lego Club" went as labels). A bulletin's one date line over a label is no agenda's day (s47-cleaning2's
        "Público" under "Domingo, 6 de dezembro de 2026")."""
        above, below, slot = number - 1, number + 1, self.segments[number][0]
        if not (self.same_document(above, slot) and is_weekday_date_line(self.texts[above])):
            return False
        if not (self.same_document(below, slot) and _OPENS_WITH_HOUR.match(fold(self.texts[below])) is not None
                or self.opens_prose(number)):
            return False
        days = (line for line in self.documents[slot][0].text.splitlines() if is_weekday_date_line(line))
        return next(days, None) is not None and next(days, None) is not None

    def heads_a_timed_entry(self, number: int) -> bool:
        """Whether a short line is a live blog's entry's headline: under the entry's clock time alone ("16:05" over
        "Rochester Bridge reopens" over the entry's prose; probe 28)."""
        above = number - 1
        return self.same_document(above, self.segments[number][0]) and is_clock_line(self.texts[above]) \
            and self.opens_prose(number)

    def signature_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision (or as a signatory's name) is part of an e-mail's signature: one
        of a run of short lines right under a sign-off ("Abraço,", "Best regards,") that gives contact details (a phone
        number, a web, e-mail or postal address): the sender's name, role and company go with them ("Mariana Alves"
        over "Coordenadora Comercial" over "Laticínios Serrana Ltda." over "(32) 3331-2020 | mariana@..."); or that
        closes a document opening with an e-mail's header. A letter signed with a name and an office alone keeps them
        (see signs_off), and under a read-also heading short lines
        are the list's titles. The run is found once."""
        if self.counts[number] > SHORT_WORDS or self.link_list is not None or not self.under_a_comma(number) \
                or not _in_signature(self.texts[number]) \
                or not self.run_decision(self.signatures, number, _in_signature, self._is_signature):
            return None
        # Named by what decided it: the message's header, when the document opens with one (probe 45's signatory
        # and office under "With best wishes," have no contact details), or the contact details.
        told_by = " of a message that opens with an e-mail's header" if self.opens_with_mail_header(number) \
            else ", over or with contact details"
        return "boilerplate", f"an e-mail's signature: a line under the sign-off{told_by}; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def under_a_comma(self, number: int) -> bool:
        """Whether a line of the document above ``number`` ends in a comma, as a sign-off does (``is_sign_off``): a
        signature's run of short lines starts under one, so a line under none is told without finding its run (most
        pages have a few short lines at their top, and no sign-off). A look for any comma above would let through
        a short line under prose, which holds commas."""
        first = number - self.positions[number].index
        return any(text.rstrip().endswith(",") for text in self.texts[first:number])

    def _is_signature(self, run: range) -> bool:
        slot = self.segments[run.start][0]
        return self.same_document(run.start - 1, slot) and is_sign_off(self.texts[run.start - 1]) \
            and (any(has_contact_details(self.texts[line]) for line in run) or self.opens_with_mail_header(run.start))

    def opens_with_mail_header(self, number: int) -> bool:
        """Whether the document of ``number`` opens with an e-mail's header (a newsletter or a message pasted from the
        mail app): its signatory's name and office under the sign-off are the message's signature, as contact details
        make them in a page's e-mail, where a letter's are kept (probe 45)."""
        first = number - self.positions[number].index
        return mail_field(self.texts[first]) is not None and self.mail_header_reason(first) is not None

    def card_place_reason(self, number: int) -> Reason | None:
        """Why a short place after its label ("Localização: Ponte de Lima", "Location: Leeds") is part of a forum
        member's card: a line at most CARD_LINES away says when the member joined or counts their posts."""
        if self.counts[number] > CARD_PLACE_WORDS or _CARD_PLACE.fullmatch(fold(self.texts[number]).strip()) is None:
            return None
        slot = self.segments[number][0]
        if not any(self.same_document(line, slot) and is_member_card_line(self.texts[line])
                   for line in range(number - CARD_LINES, number + CARD_LINES + 1) if line != number):
            return None
        return "boilerplate", f"member's card: where the member lives, beside the card's other lines; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def motto_signature_reason(self, number: int) -> Reason | None:
        """Why a short line is a forum member's signature under a post: a name and a quoted motto (``_MOTTO_SIGNATURE``)
        under a paragraph of prose."""
        if self.counts[number] > MOTTO_SIGNATURE_WORDS or _MOTTO_SIGNATURE.fullmatch(self.texts[number].strip()) is None \
                or not self.prose_at(number - 1, number):
            return None
        return "boilerplate", f"a signature: a name and a quoted motto under a post; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def post_signature_reason(self, number: int) -> Reason | None:
        """Why a short line kept by its own decision is a forum member's signature of a name and a tagline
        (``_TAGLINE_SIGNATURE``): by its place, under a post's prose that opens under the post's header (left out as a
        byline or a quoted post's author line), and over the next post's header or only chrome (the reply bar, the
        page's footer). A headline of that shape heads its prose or its own byline and teaser, which are kept."""
        if self.counts[number] > MOTTO_SIGNATURE_WORDS or _TAGLINE_SIGNATURE.fullmatch(self.texts[number].strip()) is None \
                or not self.prose_at(number - 1, number) or not self.opens_under_post_header(number - 1):
            return None
        slot, below = self.segments[number][0], number + 1
        if self.same_document(below, slot) and not self.only_chrome_below(number) and not self.is_reply_header(below):
            return None
        return "boilerplate", f"a signature: a name and a tagline under a post, over the next post or chrome; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def is_reply_header(self, number: int) -> bool:
        """Whether a line left out is a thread's post header: who replied and when ("hollyb replied · 2 h", a chat's
        header), a quoted post's "X said:", a board's "Enviado por X » date". A story's byline ("Por Marta Reis · 2
        de dezembro de 2026") is none: a list of stories has a title of a signature's shape over it."""
        if self.decide(number)[0] is None:
            return False
        text = self.texts[number]
        folded = fold(text)
        return is_chat_header(text) or _is_author_line(text, folded) or _BOARD_POST_HEADER.match(folded) is not None \
            or _REPLY_SUBJECT.match(folded) is not None

    def opens_under_post_header(self, line: int) -> bool:
        """Whether the prose kept up from ``line`` (at most POST_LINES lines) stands right under a post's header."""
        slot = self.segments[line][0]
        for above in range(line - 1, max(line - 1 - POST_LINES, -1), -1):
            if not self.same_document(above, slot):
                return False
            chrome = self.decide(above)[0]
            if chrome is not None:
                # A reply's "Re: <thread's title>" heads its post as its author's line does (s52-cleaning).
                return chrome[1].startswith(_POST_HEADER_REASONS) \
                    or _REPLY_SUBJECT.match(fold(self.texts[above])) is not None
        return False

    def service_link_reason(self, number: int) -> Reason | None:
        """Why a short line is a public service's link to a transaction ("Report a missed bin"): one beside another
        such line, or over chrome or the page's end. One alone over a paragraph is its section's heading ("Apply for a
        blue badge" over how to), a page's first line or marked heading its title ("# Pedir o passaporte eletrónico
        português", the service the page is about; probe 18), and a line under a read-also heading that list's."""
        if self.counts[number] > SERVICE_ACTION_WORDS or self.positions[number].index == 0 or self.link_list is not None \
                or not is_service_action(self.texts[number]):
            return None
        slot, below = self.segments[number][0], number + 1
        if is_markdown_heading(self.documents[slot][0].text, self.segments[number][3]):
            return None
        beside = any(self.same_document(line, slot) and is_service_action(self.texts[line]) for line in (number - 1, below))
        if not beside and self.same_document(below, slot) and self.decide(below)[0] is None:
            return None
        return "boilerplate", f"a service's link: a verb of the service and its object alone, " \
                              f"{'beside another' if beside else 'over chrome or the end'}; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def venue_address_reason(self, number: int) -> Reason | None:
        """Why a street address with its postcode alone on its line inside the page is chrome: a line beside it is (an
        event's venue between "## Localização" or the venue's name and "Ver mapa"; probes 48 and 49), where to go, no
        sentence of the text. Alone between paragraphs it may be content (a letter's), and a footer's or a
        signature's is theirs (page_edge_reason, box_reason)."""
        slot, text = self.segments[number][0], self.texts[number]
        if self.counts[number] > ADDRESS_LINE_WORDS or _SENTENCE_END.search(text) or not is_postal_address(text):
            return None
        if not any(self.same_document(beside, slot) and self.decide(beside)[0] is not None
                   for beside in (number - 1, number + 1)):
            return None
        return "boilerplate", f"a street address with a postcode alone on its line, beside chrome (a venue's); " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def venue_reason(self, number: int) -> Reason | None:
        """Why a short line, no sentence, is chrome under the label an event page gives its place ("Location" over the
        venue's name, "## Local" over its address without a postcode; probe 50): the label is left out, as a field's
        is, or marked a heading, and what it labels is where to go, as a venue's address beside chrome is (see
        venue_address_reason)."""
        slot, text, position = self.segments[number][0], self.texts[number], self.positions[number]
        if self.counts[number] > ADDRESS_LINE_WORDS or _SENTENCE_END.search(text) \
                or not (self.chrome_at == (slot, position.index - 1) or self.same_document(number - 1, slot)
                        and is_markdown_heading(self.documents[slot][0].text, self.segments[number - 1][3])) \
                or _PLACE_LABEL.fullmatch(fold(self.texts[number - 1]).strip("#*: ")) is None:
            return None
        return "boilerplate", f"an event's place under its label ({self.texts[number - 1].strip('#*: ')!r}); " \
                              f"{word_count(self.counts[number])}, {position.describe()}"

    def record_fields_reason(self, number: int) -> Reason | None:
        """Why a labelled field is one of a record's processing fields: a run of fields next to each other that holds
        the record's state ("Reference: 26/01873/FUL" over "Status: Awaiting decision" over "Case Officer: ..."; a
        bill's "Autor:", "Apresentação:" and "Situação:"; a catalogue's "Situação: 2 exemplares, 1 disponível" over
        "Cota:"; probe 36). The office's workflow, not the text: a listing's, a book's or a job's own fields ("Preço:",
        "Autora:", "Tipo de contrato: CLT") name no state and stay. A lone state ("Status: Em andamento" over a
        project's text) stays too: it needs a second field beside it."""
        slot = self.segments[number][0]
        if not self.record_field_at(number, slot):
            return None
        first, last = number, number
        while self.record_field_at(first - 1, slot):
            first -= 1
        while self.record_field_at(last + 1, slot):
            last += 1
        run = range(first, last + 1)
        if len(run) < 2 or not self.holds_a_records_state(run):
            return None
        return "boilerplate", f"record fields: one of {len(run)} labelled fields with the record's state; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def record_header_fields_reason(self, number: int) -> Reason | None:
        """Why a labelled field kept is one of the fields a file of records sets between each record's name and its
        text, whatever its label ("Docente responsável: ...", "Promoter: Northern Lights Live", "Batch codes: HK2611 ·
        Best before: ..."; probe s45's blind set, probe s46): a run of fields by their shape (``is_fields_row``, no
        sentence's stop) with a name or chrome right above it and prose, chrome or the record's end right under it, or
        under the record's text (``closes_record_text``: "Fee: £95", probe s46's blind set; s46-cleaning2), one of whose
        labels opens a field of another record of the file (the file's template, a listing's facts for
        its reader). A single page's fields stay (older truths keep a product's, a course's or a bike's), and so do a
        product's specifications (two or more measured quantities, probe 49) and a field between paragraphs."""
        slot = self.segments[number][0]
        if not self.fields_row_at(number, slot) or not self.in_file_of_records(slot):
            return None
        first, last = number, number
        while self.fields_row_at(first - 1, slot):
            first -= 1
        while self.fields_row_at(last + 1, slot):
            last += 1
        where = "between a record's name and its text" if self.heads_record_text(first, last, slot) \
            else "under a record's text" if self.closes_record_text(first, last, slot) else None
        if where is None or not self.labels_shared_by_records(range(first, last + 1), slot):
            return None
        folded = [fold(self.texts[line]) for line in range(first, last + 1)]
        if sum(_MEASURED_FIELD.match(field) is not None for field in folded) >= SPECIFICATION_MEASURES:
            return None
        return "boilerplate", f"record fields: one of {last - first + 1} labelled fields {where}, a label the file's " \
                              f"other records give too; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def heads_record_text(self, first: int, last: int, slot: int) -> bool:
        """Whether a run of fields stands between a record's name (or chrome) and its text (or chrome, or its end)."""
        return self.same_document(first - 1, slot) and self.names_or_closes(first - 1) \
            and (not self.same_document(last + 1, slot) or self.opens_prose(last) or self.decide(last + 1)[0] is not None)

    def closes_record_text(self, first: int, last: int, slot: int) -> bool:
        """Whether a run of fields comes under a record's text, a paragraph of prose kept, with chrome or the record's
        end right under it ("Fee: £95 (concessions £60)" over "Book a place", "Salário: a combinar" at the end; probe
        s46's blind set, s46-cleaning2), in a file whose records set fields right under their names too: a listing's
        card, its facts around its text. Where the records' only fields follow their text, they close it as its own
        facts do (fixtures/unseen's events, "Quando: 16 de março, às 11h", which the older truth keeps); a field
        between two paragraphs stays (a label's sentence may read as one)."""
        return self.prose_at(first - 1, first) \
            and (not self.same_document(last + 1, slot) or self.decide(last + 1)[0] is not None) \
            and self.labels_shared_by_records(range(first, last + 1), slot) \
            and self.documents[slot][0].source.rpartition("#")[0] in self.files_with_header_fields

    def labels_shared_by_records(self, run: range, slot: int) -> bool:
        """Whether a field of ``run`` has a label that opens a field (``is_fields_row``) of another record of the same
        file in the batch (and notes the files whose records set a field right under their first line)."""
        if self.record_labels is None:
            self.record_labels = {}
            for line, (line_slot, index, *_rest) in enumerate(self.segments):
                if index and self.in_file_of_records(line_slot) and is_fields_row(self.texts[line]):
                    file_label = self._file_label(line, line_slot)
                    self.record_labels.setdefault(file_label, set()).add(line_slot)
                    if index == 1:
                        self.files_with_header_fields.add(file_label[0])
        return any(len(self.record_labels.get(self._file_label(line, slot), ())) > 1 for line in run)

    def in_file_of_records(self, slot: int) -> bool:
        """Whether the document in ``slot`` is a record of a file of many (its source ``path#record``)."""
        return "#" in self.documents[slot][0].source

    def _file_label(self, line: int, slot: int) -> tuple[str, str]:
        """The file of records a line's document is in and the line's label, folded."""
        return self.documents[slot][0].source.rpartition("#")[0], fold(self.texts[line].partition(":")[0]).strip()

    def fields_row_at(self, number: int, slot: int) -> bool:
        """Whether a segment of the document in ``slot`` is a row of labelled fields (``is_fields_row``), neither a
        heading, a list's item nor the document's first line (its title: "Call for papers: Coastal Change ...")."""
        if not self.same_document(number, slot) or self.positions[number].index == 0 \
                or not is_fields_row(self.texts[number]):
            return False
        document_text, start = self.documents[slot][0].text, self.segments[number][3]
        return not is_markdown_heading(document_text, start) \
            and _LIST_ITEM.fullmatch(document_text, *line_of(document_text, start)) is None

    def names_or_closes(self, number: int) -> bool:
        """Whether a line over a record's fields is chrome by its own decision or a name: a few words, no sentence."""
        return self.decide(number)[0] is not None or self.counts[number] <= SHORT_WORDS \
            and SENTENCE_PUNCTUATION.search(self.texts[number].rstrip()) is None

    def list_preview_reason(self, number: int) -> Reason | None:
        """Why a Markdown list's item, or the heading right over the list, is a box's preview: the line under the list is
        a button or link that counts more of them than the list shows ("## Comodidades" over "- Wi-Fi" ... "- Grelhador"
        over "[Mostrar as 32 comodidades](#)"; probe 36): a site's facets cut short, not the text's own list, which
        shows all it has."""
        slot, start = self.segments[number][0], self.segments[number][3]
        document_text = self.documents[slot][0].text
        first = number + 1 if is_markdown_heading(document_text, start) else number
        if not self.same_document(first, slot) \
                or (listed := _list_items(document_text, *line_of(document_text, self.segments[first][3]))) is None:
            return None
        below = first + 1
        while self.same_document(below, slot) \
                and _LIST_ITEM.fullmatch(document_text, *line_of(document_text, self.segments[below][3])):
            below += 1
        if not self.same_document(below, slot) or self.counts[below] > LIST_HEADING_WORDS:
            return None
        control = self.decide(below)[0]
        if control is None or not (control[0] == "navigation" or control[1].startswith("button or link label")) \
                or not any(int(count) > len(listed[0]) for count in _NUMBER.findall(self.texts[below])):
            return None
        return "boilerplate", f"a list's preview: its {len(listed[0])} items over a link to more; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def holds_a_records_state(self, run: range) -> bool:
        """Whether a run of fields gives a record's state: a status field, the record's own identifier (but among a
        product's specifications, two or more of them measured quantities, "Peso: 540 gramas" over "Referência:
        BRP-2200-PT": the shop's reference is a row of them, probe 49) or a court's field (_COURT_FIELD), a shop's
        terms of sale (two of them), or a bare "Estado:" beside the record's reference or date (see
        _BARE_STATE_FIELD)."""
        folded = [fold(_field_unbolded(self.texts[line])) for line in run]
        measured = sum(_MEASURED_FIELD.match(field) is not None for field in folded)
        return any(_STATUS_FIELD.match(field) or _COURT_FIELD.match(field) or
                   measured < SPECIFICATION_MEASURES and _RECORD_ID_FIELD.match(field) for field in folded) \
            or sum(_SALE_TERM_FIELD.match(field) is not None for field in folded) >= 2 or (
            any(_BARE_STATE_FIELD.match(field) for field in folded)
            and any(_RECORD_KEY.search(field) for field in folded))

    def record_field_at(self, number: int, slot: int) -> bool:
        """Whether a segment of the document in ``slot`` is a record's field (see _is_record_field) and no heading: a
        title's colon may follow its subject ("Oban to Craignure: reduced timetable this weekend" over "Status: Amber")."""
        return self.same_document(number, slot) and _is_record_field(self.texts[number]) \
            and not is_markdown_heading(self.documents[slot][0].text, self.segments[number][3])

    def facets_reason(self, number: int) -> Reason | None:
        """Why a line is a box of facets or its heading: a short heading ("Amenities") right over a line of three or
        more short noun phrases between drawn dots ("Free parking · Free High Speed Internet (WiFi) · Breakfast
        included"; found blind in probe 35), a listing's features as a site sets them out, no sentence. A menu's
        items have four words at most (_is_menu); a facet may take a few more."""
        slot = self.segments[number][0]
        if _is_facets_line(self.texts[number]):
            return self._facets(number - 1, number)
        if self.same_document(number + 1, slot) and _is_facets_line(self.texts[number + 1]):
            return self._facets(number, number)
        return None

    def _facets(self, heading: int, number: int) -> Reason | None:
        """``facets_reason``'s answer for ``number``, the facets' line or its heading, once the heading is known."""
        slot = self.segments[number][0]
        if not self.same_document(heading, slot) or self.counts[heading] > FRAGMENT_WORDS \
                or SENTENCE_PUNCTUATION.search(self.texts[heading].rstrip().removesuffix(":")) \
                or _SYMBOL_SEPARATOR.search(self.texts[heading]) or self.names_the_page(heading):
            return None
        return "boilerplate", f"facets: a line of short items between dots under the heading " \
                              f"{self.texts[heading].strip()!r}; {word_count(self.counts[number])}, " \
                              f"{self.positions[number].describe()}"

    def names_the_page(self, heading: int) -> bool:
        """Whether a short line over a line of facets is the page's title, not a box's heading: its first line, its
        Markdown ``# title``, or a name in capitals ("The Harbour Light" over "Free parking on the property · Free
        High Speed Internet (WiFi) · Breakfast"); a box's heading is a common noun's phrase ("Amenities", "Most popular
        facilities")."""
        return self.positions[heading].index == 0 or self.titled(heading) \
            or any(word[0].isupper() for word in self.texts[heading].split()[1:])

    def page_counter_reason(self, number: int) -> Reason | None:
        """Why a short sentence is the page's own counter: it names the page ("Este tópico", "This thread") and closes
        on a count ("foi visto 2.187 vezes.", "has been viewed 1,204 times."), right under a byline or a date left out
        as one (the post's meta lines: "Iniciado por ...", "Última atualização: ..."; probe 36). A story's sentence
        with a count names no page, and a lead's under a byline opens with its own subject."""
        text, above = self.texts[number], number - 1
        # Most lines asked end in no count's word; only those are folded and matched.
        if not text.rstrip(" .").endswith(_COUNTED_TIMES) or _PAGE_COUNTER.fullmatch(fold(text).strip()) is None \
                or not self.same_document(above, self.segments[number][0]):
            return None
        chrome_above = self.decide(above)[0]
        if chrome_above is None or not chrome_above[1].startswith("byline or credit"):
            return None
        return "boilerplate", f"engagement count: the page's own counter under its byline; " \
                              f"{word_count(self.counts[number])}, {self.positions[number].describe()}"

    def letterhead_reason(self, number: int) -> Reason | None:
        """Why a line in capitals among a page's first LETTERHEAD_SEGMENTS lines is a letterhead's (an office's or
        company's name: "SECRETARIA DE EDUCAÇÃO SUPERIOR", "HARBOURSIDE ENGINEERING LTD"): short, no sentence, over
        more such lines and then the letterhead's details (an address, contact details, a company's registration, a
        place and date). A headline in capitals is over its byline or lead instead. An office's name in ordinary
        letters ("Gabinete da Ministra do Mar") is the letterhead's too between its names in capitals, the page's first
        lines, and its address or contact details, as is the page's first line over them."""
        text, position, slot = self.texts[number], self.positions[number], self.segments[number][0]
        # The batch's word count first (it splits hyphenated words: a margin of 2x): a page's first paragraph may be
        # long.
        if not position.in_letterhead or self.counts[number] > 2 * SHORT_WORDS \
                or not _is_short_line(_COMPANY_SUFFIX.sub("", text.rstrip()), SHORT_WORDS):
            return None
        capitals = in_capitals(text)
        # The page's first line in ordinary letters is a company's name right over its address
        # ("GestCondo – Administração de Condomínios, Lda." over "Avenida da Boavista, 1180 · 4100-113 Porto · Tel. ..."),
        # read as a name: an article's title over its authors' affiliation ("Cover crops raise soil microbial biomass in
        # a three-year wheat rotation", probe 29) is no name.
        if not capitals and not names_something(text):
            return None
        if not capitals and position.index > 0 and not all(
                in_capitals(self.texts[above]) and _is_short_line(self.texts[above], SHORT_WORDS)
                for above in range(number - position.index, number)):
            return None
        below = number + 1
        while self.same_document(below, slot) and self.positions[below].in_letterhead \
                and in_capitals(self.texts[below]) and _is_short_line(self.texts[below], SHORT_WORDS):
            below += 1
        if not self.same_document(below, slot) or not (
                is_letterhead_detail(self.texts[below], self.positions[below]) if capitals
                else is_postal_address(self.texts[below]) or is_contact_line(self.texts[below])):
            return None
        return "boilerplate", f"a letterhead's name in capitals over its details; {word_count(self.counts[number])}, " \
                              f"{position.describe()}"

    def results_box_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision is part of a box of results: one of its results, or its heading
        (a short line right above them: "Resultados da 23.ª jornada"). Asked of every line kept, so the cheap
        tests go first."""
        words = self.counts[number]
        if words > LIST_HEADING_WORDS:
            return None
        text, position, below = self.texts[number], self.positions[number], number + 1
        if any(map(str.isdigit, text)) and self.in_results_box(number):
            return "boilerplate", f"a match's result in a box of {RESULTS_MIN_LINES} or more (a round's results); " \
                                  f"{word_count(words)}, {position.describe()}"
        if self.same_document(below, self.segments[number][0]) and self.counts[below] <= LIST_HEADING_WORDS \
                and self.in_results_box(below) and _is_short_line(text, LIST_HEADING_WORDS):
            return "boilerplate", f"the heading of a box of results; {word_count(words)}, {position.describe()}"
        return None

    def rescued(self, number: int, chrome: Reason) -> bool:
        """Whether a line decided chrome on its own is content after all: a
        short item of a list of things, a name heading the paragraph that
        opens with it, or a fragment heading a section of the body, a
        table's cell or a signature; a Markdown fenced code block's text
        (its author fenced it as what the page shows: "pip install tidepool"), or a Markdown table's row of words or
        numbers (its data: "| Março | 612 | 310 |");
        or a Markdown heading that names a version or a date; or a Markdown page's title, its first heading (a short
        title reads as a label), or a page's title under the breadcrumb that ends on it."""
        if self.in_code_body(number) or self.heads_release_notes(number, chrome) or self.titles_release_notes(number):
            return True
        text = self.texts[number]
        if is_clock_line(text):  # a live blog's entry stamp, even as a Markdown heading over its entry (probe 31)
            return False
        if self.labels_price_list(number):  # "Preços" over "Plateia A · 32,00 €": the list's, no section's heading
            return False
        slot, start = self.segments[number][0], self.segments[number][3]
        if is_table_row(self.documents[slot][0].text, start, text):
            return True
        in_body = self.header_of != slot
        # A fragment's reason names no notice, index terms nor byline, which the other rules rescue.
        if chrome[0] == "fragment":
            return self.fragment_rescued(number, in_body)
        return self.named_chrome_rescued(number, chrome, in_body)

    def heads_release_notes(self, number: int, chrome: Reason | None = None) -> bool:
        """Whether a version's line (``_RELEASE_HEADING``) heads its release's notes in a changelog: prose kept right
        under it, or under the release's date line ("Released: 3 December 2026", "Data: 30 de novembro de 2026").
        The byline cue for versions reads the line alone; a changelog's version line names what the text under it
        describes; a changelog lists two releases or more (in its page, or in its file's records). A store's page
        shows its latest version alone (an App Store's "What's New" box, "Version 5.12" in probe 50, "Versão 8.41.0"
        in probe 49, whose truths call it chrome), and a version after an entry's date ("Mar 4, 2025 · Version 3.2",
        test_cleaning30) is no heading. A line left out for another reason than the byline cue's (``chrome``, when
        given) is none."""
        if chrome is not None and not chrome[1].startswith("byline or credit") \
                and not self.texts[number].lstrip(" *_#").startswith("[") \
                or not self.is_release_heading(number) or self.releases_in_file(number) < 2:
            return False
        below = number + 1
        if self.opens_prose(number) or self.opens_change_kind(number):
            return True
        if not self.same_document(below, self.segments[number][0]):
            return False
        date_line = self.decide(below)[0]
        return date_line is not None and date_line[1].startswith("byline or credit") and self.opens_prose(below)

    def opens_change_kind(self, number: int) -> bool:
        """Whether the line under a release's heading is a kind of change of one or two words ("Added", "Fixed",
        "Correções", Keep a Changelog's "### Added") over prose kept by its own decision."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) and 0 < self.counts[below] <= CHANGE_KIND_WORDS \
            and SENTENCE_PUNCTUATION.search(self.texts[below]) is None and self.opens_prose(below)

    def is_release_heading(self, number: int) -> bool:
        """Whether a line is a release's version line by its shape (``_RELEASE_HEADING``); most lines are told by their
        first letters, before any fold."""
        text = self.texts[number].lstrip(" *_#")
        if text[:1] == "[":
            return _BRACKETED_RELEASE.fullmatch(fold(text).rstrip(" *_#")) is not None
        return self.counts[number] <= SHORT_WORDS * 2 and text[:3].lower() in ("ver", "rel") \
            and _RELEASE_HEADING.fullmatch(fold(text).rstrip(" *_#")) is not None

    def releases_in_file(self, number: int) -> int:
        """How many release headings the file of a line's document holds, all its records together."""
        if self.release_headings is None:
            self.release_headings = Counter(self._file_of(slot) for line, (slot, *_rest) in enumerate(self.segments)
                                            if self.is_release_heading(line))
        return self.release_headings[self._file_of(self.segments[number][0])]

    def _file_of(self, slot: int) -> str:
        """The file the document in ``slot`` comes from (a record's ``path#record`` without its record)."""
        source = self.documents[slot][0].source
        return source.rpartition("#")[0] or source

    def titles_release_notes(self, number: int) -> bool:
        """Whether a short title with no sentence's stop ("Histórico de versões", "What's New") stands over a release's
        heading that heads its notes (``heads_release_notes``): a changelog is content, its title too. A line of no
        words (a code block's closing fence over the next release, fixtures/unseen's notas_versao.md) is none."""
        below, text = number + 1, self.texts[number]
        return self.same_document(below, self.segments[number][0]) and self.is_release_heading(below) \
            and 0 < self.counts[number] <= SHORT_WORDS and SENTENCE_PUNCTUATION.search(text) is None \
            and any(character.isalpha() for character in text) and self.heads_release_notes(below)

    def fragment_rescued(self, number: int, in_body: bool) -> bool:
        """Whether a fragment (a few words, no sentence) is content (see :meth:`rescued`): a table's caption, a title,
        a heading of the body's prose, a list's item or a signature; ``in_body``: whether it is below its page's
        header."""
        if self.captions_table(number):
            return True
        if self.titles_its_text(number) or self.heads_body_prose(number, in_body):
            return True
        text = self.texts[number]
        # A news site's section label heads its story as a heading would ("PE - Petrolina"), but names no section.
        if is_state_section_label(text, self.counts[number]):
            return False
        # A plain text's title under the breadcrumb that ends on it.
        if self.same_document(number - 1, self.segments[number][0]) and self.ends_breadcrumb_at(number - 1, number):
            return True
        # A Markdown heading over its section's prose.
        if in_body and self.heads_markdown_section(number):
            return True
        return self.item_or_heading(number) or ((in_body or names_something(text)) and self.heads_a_section(number)) \
            or (in_body and (self.in_table(number) or self.signs_off(number)))

    def titles_its_text(self, number: int) -> bool:
        """Whether a fragment is its text's title: a Markdown page's first heading (a short title reads as a label), a
        plain text's first line of a few words right over its first paragraph of prose ("Feira do livro"; a site's
        name is over a menu or the story's title, no prose), a title under a skip link or over a timed entry."""
        text, (slot, _index, _count, start, _end, _text) = self.texts[number], self.segments[number]
        document_text = self.documents[slot][0].text
        heading_like = could_be_heading(text)  # asked once: the tests below read it
        if (heading_like or is_markdown_title(document_text, start)) and is_first_markdown_heading(document_text, start):
            return True
        return heading_like and (self.positions[number].index == 0 and self.opens_prose_past_fields(number)
                                 or self.title_under_skip_link(number) or self.heads_a_timed_entry(number)
                                 or self.heads_an_agenda_entry(number) or self.titles_page_over_its_details(number)
                                 or self.titles_wiki_article(number))

    def titles_wiki_article(self, number: int) -> bool:
        """Whether a fragment is a wiki article's title over its origin line ("From Wikipedia, the free encyclopedia",
        "Origem: Wikipédia, a enciclopédia livre.", any wiki's), then at most EDGE_SEGMENTS infobox rows by their shape
        ("Length: 32 km", kept or left out) over the article's prose (s52-cleaning2: the origin line left out, the
        title had no prose right under it and went as a fragment)."""
        slot, line = self.segments[number][0], number + 1
        if not self.same_document(line, slot) or not is_wiki_origin(self.texts[line]):
            return False
        for _row in range(EDGE_SEGMENTS):
            if self.opens_prose(line):
                return True
            line += 1
            if not (self.same_document(line, slot) and is_fields_row(self.texts[line])):
                return False
        return self.opens_prose(line)

    def titles_page_over_its_details(self, number: int) -> bool:
        """Whether a fragment of two words or more right under a page's header (every line above it chrome: the
        site's name, its menu) is the page's title over its details and its prose: at most DETAILS_UNDER_TITLE lines
        of them, the first left out (a posted or reference line, a line of items between separators), one of them a
        line of items between separators (a posting's place, pay and contract, left out or kept), then prose kept
        ("Warehouse Shift Supervisor" under a job board's menu, over "Posted 2 days ago · Job ID 88142" and
        "Doncaster · £31,500 a year · Full-time"; s50-cleaning2). A section's label under the menu is over the
        story's headline, which is kept; a site's name is over its menu; a name, a label or a button over a byline
        alone ("Ana Ferreira" over a handle and a date, "Get App" over "Posted by u/...", "Climate & Tech" over
        "Reported by Helen Achebe | Dec 3, 2026"; seedlike19, unseen, seedlike40) is over no posting's details. The
        title may be one word ("Enfermeiro", "Electrician"; s51-cleaning): a section's one-word label over its own
        menu goes first as a site's name over its menu or as facets' heading, and over a byline alone as above."""
        position, slot = self.positions[number], self.segments[number][0]
        # Every line above left out by its final decision (``header_of``, as ``excluded`` reads the lines in order): a
        # site's name of four words or more is left out by the site-header pass, not by its own decision
        # ("Empregos Vale do Itajaí" over its menu over "Soldador", s51-cleaning's blind; s51-cleaning2).
        if not 0 < position.index <= EDGE_SEGMENTS or self.header_of != slot:
            return False
        line = number + 1
        if not self.same_document(line, slot):
            return False
        # The page's own buttons between it and its prose are the posting's actions ("Summer Reading Volunteers" over
        # "Apply Now Download PDF" over what the volunteers do; s53-cleaning).
        if self.over_buttons_row_over_prose(number):
            return True
        kind = self.details_line_kind(line, kept=False)
        if kind is None:
            return False
        # A page's update stamp alone ("Last updated: 1 December 2026", "Atualizado em 2 de dezembro de 2026") tells when
        # the page changed, not who wrote it: a council's or a gazette's title over it, with no line of items
        # (s52-cleaning); a name or a label over a person's byline stays out.
        items = kind == "items" or _UPDATE_STAMP.fullmatch(fold(self.texts[line]).strip()) is not None
        for _detail in range(DETAILS_UNDER_TITLE):
            if self.opens_prose(line):
                return items
            line += 1
            kind = self.details_line_kind(line, kept=True) if self.same_document(line, slot) else None
            if kind is None:
                return False
            items = items or kind == "items"
        return False

    def details_line_kind(self, number: int, kept: bool) -> str | None:
        """What kind of a posting's or a story's details a line is: "items" (a line of items between separators left
        out, or, ``kept``, a short one kept), "byline" (left out as a byline, a posted or reference line), or none."""
        chrome, text = self.decide(number)[0], self.texts[number]
        if chrome is None:
            return "items" if kept and has_menu_separator(text) and _is_short_line(text, SHORT_WORDS) else None
        if chrome[1].startswith("a line of short items between separators"):
            return "items"
        return "byline" if chrome[1].startswith("byline or credit") else None

    def opens_prose_past_fields(self, number: int) -> bool:
        """Whether a paragraph of prose kept comes under a line, right under it or past a few fields of a record
        (``_RECORD_FIELD_REASONS``: "Horário: ..." and "Bilhete normal: ..." between a museum's name and its
        description; probe s45), left out or not, in a file of records a field by its shape ("Module leader: Dr Amelia
        Hart", "Doors: 7pm · Show: 8pm"; probe s46, where a course unit's and a gig's short names went as fragments). A
        site's name is over its menu, which is no field."""
        line, slot = number, self.segments[number][0]
        for _field in range(EDGE_SEGMENTS):
            if self.opens_prose(line):
                return True
            if not (self.same_document(line + 1, slot) and self.is_field_by_shape_or_reason(line + 1)):
                return False
            line += 1
        return self.opens_prose(line)

    def is_field_by_shape_or_reason(self, number: int) -> bool:
        """Whether a line is a record's field: left out as one (``_RECORD_FIELD_REASONS``), or, in a file of records,
        one or more labelled values by their shape (``is_fields_row``; a row of them between separators, "Código:
        40237 · ECTS: 5"). A single page's headline may have a label's shape ("Lince-ibérico: população no Vale do
        Guadiana passa os 300 animais" under its kicker "Ambiente", which is chrome)."""
        chrome = self.decide(number)[0]
        if chrome is not None and chrome[1].startswith(_RECORD_FIELD_REASONS):
            return True
        return self.in_file_of_records(self.segments[number][0]) and is_fields_row(self.texts[number])

    def heads_body_prose(self, number: int, in_body: bool) -> bool:
        """Whether a fragment is a plain heading over prose (a Markdown heading heads its section as
        heads_markdown_section says): between paragraphs in the body, under chrome, past its section's control, or a
        paper's section ("Abstract", "Highlights")."""
        slot, start = self.segments[number][0], self.segments[number][3]
        if not is_markdown_heading(self.documents[slot][0].text, start) and (
                in_body and (self.heads_prose_between_prose(number) or self.heads_numbered_section(number)
                             or self.heads_provision(number))
                or self.heads_prose_under_chrome(number, in_body) or self.heads_first_section_under_dateline(number)):
            return True
        if (in_body or self.over_discussion_bar(number)) and self.heads_section_past_its_control(number):
            return True
        section = fold(self.texts[number]).strip(" *_#")
        return _PAPER_SECTION.fullmatch(section) is not None and self.opens_prose(number) \
            or section == _PAPER_HIGHLIGHTS and self.opens_sentence(number)

    def named_chrome_rescued(self, number: int, chrome: Reason, in_body: bool) -> bool:
        """Whether a line left out for what it says (no fragment) is content in its place (see :meth:`rescued`): a
        field's label heading a Markdown section ("## Location"), a notice's sentence that tells the story, a paper's
        index terms among a record's fields, a byline's field in a list of credits or as a Markdown heading (a
        version, a date), or an event's date in the text."""
        reason = chrome[1]
        if reason.startswith("field label") and in_body and self.heads_markdown_section(number):
            return True
        if reason.startswith(_STORY_NOTICE_REASONS) and self.tells_the_story(number):
            return True
        if reason.startswith("index terms") and self.among_fields(number):
            return True
        if reason.startswith(_BUTTONS_ROW_REASON) and self.is_headline_over_prose(number):
            return True
        if reason.startswith("byline or credit") and self.in_credits_list(number):
            return True  # a film's length or release in its review's details ("- Duração: 112 min")
        return reason.startswith("byline or credit") \
            and is_markdown_heading(self.documents[self.segments[number][0]][0].text, self.segments[number][3]) \
            or self.dates_an_event_in_text(number, chrome)

    def is_headline_over_prose(self, number: int) -> bool:
        """Whether a line read as buttons' labels run together is a Title Case headline over its prose ("Read Book
        Review", s52-cleaning2): every word capitalised, no separator. A row of buttons has a label's small words
        ("Listen now Read transcript", "Jump to Recipe Print Recipe") or separators, or, in Title Case, labels of a
        verb and its words each ("Apply Now Download PDF", "Assistir Agora Baixar Slides"; s53-cleaning): a
        headline's verb takes the words after it, the one label it could open alone is the verb ("Read" before "Book
        Review")."""
        text = self.texts[number]
        return all(word[:1].isupper() for word in text.split()) and not is_buttons_row(" ".join(text.split()), 2) \
            and self.opens_prose(number)

    def tells_the_story(self, number: int) -> bool:
        """Whether a sentence left out for one notice's phrase (a disclaimer's, a request's status) is the story's: it
        names neither the page nor its readers or writers (SELF_REFERENCE), and stands between two paragraphs of prose
        kept ("The request was refused." between what the council asked and what it will do; "The ruling does not
        constitute a precedent." inside a report; probe 27). A page's notice speaks of itself ("This post contains
        affiliate links."), or stands by the page's title, byline or footer."""
        text = self.texts[number]
        if self.counts[number] > 2 * SHORT_WORDS or not text[:1].isupper() or text.rstrip()[-1:] not in ".!?" \
                or not self.prose_at(number - 1, number) or not self.prose_at(number + 1, number):
            return False
        folded = fold(without_markdown_escapes(text))
        tokens = WORD_TOKEN.findall(folded)
        phrases = find_cues(folded, tokens, text)
        return len(phrases) == 1 and sum(map(len, phrases.values())) == 1 and phrases.keys() <= _STORY_NOTICES \
            and SELF_REFERENCE.isdisjoint(tokens)

    def prose_at(self, line: int, number: int) -> bool:
        """Whether ``line`` is a paragraph of prose in the document of ``number``: no short line, a sentence's end, kept
        by its own decision or left out for one notice's phrase (a story may hold two such sentences in a row)."""
        if not self.same_document(line, self.segments[number][0]) or _is_short_line(self.texts[line], SHORT_WORDS) \
                or not ends_as_prose(self.texts[line]):
            return False
        chrome = self.decide(line)[0]
        return chrome is None or chrome[1].startswith(_STORY_NOTICE_REASONS)

    # ------------------------------------------------------------ a line among the lines above

    def excluded(self, number: int) -> tuple[Reason | None, str | None]:
        """Why the segment is left out, if it is; else, when it is a line of
        a page's footer kept for now, why it would be (``Cleaner`` leaves it
        out once every document is read if it is no template line)."""
        chrome, footer = self.line_reason(number)
        slot, position = self.segments[number][0], self.positions[number]
        if chrome is None and self.release_ended == slot:
            return ("boilerplate", "under a press release's end mark: its notes to editors, contacts and sender; "
                                   f"{word_count(self.counts[number])}, {position.describe()}"), None
        if position.index >= EDGE_SEGMENTS and self.counts[number] <= 1 \
                and _RELEASE_END_MARK.fullmatch(self.texts[number].strip()) and self.opens_end_matter(number):
            self.release_ended = slot
        return chrome, footer

    def quoted_own_words_reason(self, number: int) -> Reason | None:
        """Why a line that is all a quotation is a pull quote or a reader's highlight: the words inside its quotation
        marks stand in a longer part of its document too ("“sales of the H20 ... fell 64%”" under a read-later
        app's "Highlights (1)", out of the post's paragraph; seed-shaped probe 41). Nothing is lost: the paragraph
        that says them is the task. A quoted line whose words stand nowhere else (a speech's paragraph), or only as
        copies of the same quoted line (a post repeated), stays."""
        text = self.texts[number].strip()
        if text[:1] not in _OPENING_QUOTES or _CLOSING_QUOTES.get(text[0]) != text[-1:] \
                or not _QUOTED_WORDS_MIN <= self.counts[number] <= SHORT_WORDS:
            return None
        inside = text[1:-1].strip(" .,;:")
        document_text = self.documents[self.segments[number][0]][0].text
        if not inside or document_text.count(inside) <= document_text.count(text):
            return None
        return "boilerplate", f"a pull quote or a reader's highlight: the words in its quotation marks stand in the " \
                              f"document's text too; {word_count(self.counts[number])}, {self.positions[number].describe()}"

    def opens_end_matter(self, number: int) -> bool:
        """Whether the line after a press release's end mark is a heading or a label, as its end matter opens ("Notes
        to editors", "About Open Shelves Trust", "Media contact:"): short, and no sentence's end but a label's colon.
        After a "###" that breaks a story's scenes comes its next paragraph, which is content."""
        after = number + 1
        if after == len(self.segments) or self.segments[after][0] != self.segments[number][0]:
            return False
        label = self.texts[after].rstrip().removesuffix(":")
        return self.counts[after] <= SHORT_WORDS and not _SENTENCE_END.search(label)

    def line_reason(self, number: int) -> tuple[Reason | None, str | None]:
        """``excluded``'s answer by the line and the lines around it (a press release's end mark aside)."""
        slot, position = self.segments[number][0], self.positions[number]
        if (quoted := self.quoted_own_words_reason(number)) is not None:
            return quoted, None
        if self.link_list is not None and self.link_list_ended(number, self.link_list):
            self.link_list = None
        if self.paragraph_under is not None:
            heading, self.paragraph_under = self.paragraph_under, None  # asked of the one line under it
            if (under := self.paragraph_under_heading_reason(number, heading)) is not None:
                return under, None
        if position.index == 0:
            self.header_of = slot
        if self.kept_as_plain_paragraph(number):
            # Kept: no other rule below can leave it out (plain_paragraph), and none of them changes what the lines
            # below are asked but the header's end, as a line kept ends it.
            self.header_of = None
            return None, None
        if (markup := self.page_markup_reason(number) or self.page_number_reason(number)
                or self.cover_page_reason(number) or self.page_edge_copy_reason(number)
                or (self.segments[number][1] == 0 and self.one_page_header_reason(number))
                or self.trail_reason(number)) is not None:
            self.chrome_at = (slot, position.index)
            return markup, None
        if (author_box := self.author_box_reason(number)) is not None:
            self.chrome_at, self.paragraph_under = (slot, position.index), (slot, self.texts[number], "author bio")
            return author_box, None
        chrome, heading, footer = self.chrome_by_line_box_or_edge(number)
        if chrome is not None:
            self.note_chrome_line(number, chrome, heading)
            return chrome, None
        if (listed := self.read_also_title_reason(number)) is not None:
            return listed, None
        self.header_of = None
        if footer is not None:
            self.chrome_at = (slot, position.index)
        return None, footer

    def link_list_ended(self, number: int, link_list: tuple[int, str]) -> bool:
        """Whether the read-also list being read ends at a line: one of another document, or one that is no title nor
        a list's entry, or one that heads a section of the list's rank."""
        return link_list[0] != self.segments[number][0] or not (
            is_link_title(self.texts[number], self.counts[number]) or self.in_list_entry(number)) \
            or self.heads_a_section_of_the_lists_rank(number)

    def paragraph_under_heading_reason(self, number: int, heading: tuple[int, str, str]) -> Reason | None:
        """The paragraph under a heading whose section is chrome ("Sobre o autor" over a bio; ``heading`` its document,
        text and section), if this line right under it is one: of the section's length."""
        heading_slot, heading_text, section = heading
        text = self.texts[number]
        if heading_slot == self.segments[number][0] and self.counts[number] <= WHOLE_SEGMENT_KINDS["author bio"] and (
                section not in SHORT_LINE_SECTIONS or _is_short_line(text, SHORT_WORDS)):
            return "boilerplate", f"{section}: the paragraph under {heading_text!r}; {word_count(self.counts[number])}," \
                                  f" {self.positions[number].describe()}"
        return None

    def kept_as_plain_paragraph(self, number: int) -> bool:
        """Whether a long line is kept at once: a plain paragraph (``plain_paragraph``) outside a read-also list that
        neither its document's markup, the trail test nor its own decision leaves out."""
        return self.counts[number] > PLAIN_PARAGRAPH_WORDS and self.link_list is None and self.plain_paragraph(number) \
            and self.page_markup_reason(number) is None \
            and (not self.crumb_like[number] or self.trail_reason(number) is None) and self.decide(number)[0] is None

    def chrome_by_line_box_or_edge(self, number: int) -> tuple[Reason | None, str | None, str | None]:
        """The line's own decision (an e-mail header's field named as such), else, if none or a rule rescued it, the
        box it closes or the page's edge it stands in, else a venue's address or name; with the heading kind the
        decision found and the page edge's footer note."""
        chrome, heading = self.decide(number)
        if chrome is not None and (header := self.mail_header_reason(number)) is not None:
            # A field of an e-mail's header says what it is, not the cue its own decision found in it (a sender's
            # address read as a "contact prompt", a date's "Data: 1" as a byline; probe 45).
            chrome, heading = header, None
        rescued = chrome is not None and self.rescued(number, chrome)
        footer = None
        box = self.box_reason(number) if chrome is None or rescued else None
        if box is None and chrome is not None and chrome[0] == "fragment":
            # A fragment over a video's chapters is their label, as a heading kept by its own decision there is: one
            # decision, one reason ("Chapters" in an HTML page and in a text one; s53-cleaning).
            box = self.chapters_reason(number)
        if box is not None:
            chrome = box
        elif chrome is None or rescued:
            chrome, footer = self.page_edge_reason(number, rescued)
        if chrome is None and not rescued:
            chrome = self.venue_address_reason(number)
        if chrome is None:
            # A venue's name is a short line a name's rule may have kept (``rescued``).
            chrome = self.venue_reason(number)
        return chrome, heading, footer

    def note_chrome_line(self, number: int, chrome: Reason, heading: str | None) -> None:
        """Remember what a line left out says of the lines below: the header's label and byline, and whether a
        read-also list or a chrome section's paragraph starts, goes on or ends here."""
        slot, text = self.segments[number][0], self.texts[number]
        self.chrome_at = (slot, self.positions[number].index)
        self.note_header_label(number, chrome)
        self.note_byline_name(number, chrome)
        if "comments heading:" in chrome[1] or is_clock_line(text):
            # The post's comments below, however short, or a live blog's entry under its stamp (probe 31): no
            # titles of the list above.
            self.link_list = None
        if self.link_list is not None and _MORE_OF_THE_LIST.match(fold(text)):
            # A button to all of a box's items is its last line ("See all 24 facilities" under "Most popular
            # facilities"; found blind in probe 36): what comes under it is the page again.
            self.link_list = None
        if self.link_list is not None:
            self.list_line = number
        if heading == "read-also prompt":
            self.link_list = (slot, text)
            self.list_under_markdown_heading = is_markdown_heading(self.documents[slot][0].text,
                                                                   self.segments[number][3])
            self.list_heading_level = markdown_heading_level(self.documents[slot][0].text, self.segments[number][3])
        elif heading in PARAGRAPH_SECTIONS:
            self.paragraph_under = (slot, text, PARAGRAPH_SECTIONS[heading])

    def read_also_title_reason(self, number: int) -> Reason | None:
        """A line no rule left out, if it is a title (or a title's teaser) of the read-also list being read."""
        # The page again under the list's heading ("Mais de <author>"), not a link; but the page's own title among the
        # list's titles, more titles under it, is one of them (a music site's "Mais tocadas de <artist>", probe 23).
        if self.link_list is not None and self.repeats_a_line_above(number) and not self.list_goes_on(number):
            self.link_list = None
        # A live blog's entry under its time heads its prose, whatever list its key events opened above; so does a
        # Markdown heading under a list a plain line opened (a wiki's "## History" under its contents, probe 30).
        if self.link_list is not None and (self.heads_a_timed_entry(number) or self.heads_a_section_below_list(number)):
            self.link_list = None
        if self.link_list is None:
            return None
        self.list_line = number
        text = self.texts[number]
        what = "a title without a sentence end" if is_link_title(text, self.counts[number]) else "a title's teaser"
        return "boilerplate", f"read-also list: {what} under {self.link_list[1]!r}" \
                              f" (a link); {word_count(self.counts[number])}, {self.positions[number].describe()}"

    def plain_paragraph(self, number: int) -> bool:
        """Whether a line of more than PLAIN_PARAGRAPH_WORDS words (the batch's count, which ``line_reason`` looks at
        first) is a paragraph that, kept by its own decision, its document's markup and the trail test, no other rule
        of ``line_reason`` can leave out while no read-also list is being read: most lines kept are such paragraphs,
        and one test spares them the twenty-odd rules' calls, each of which would fail on its first test. Each test
        below is one of those first tests, taken for all the rules that share it:

        - its words: it is longer than a cover's line, an author's box's name, a site's name, a letterhead's, a postal
          address or cue line in a footer, and than every box reason's reach but the unbounded ones' and the about
          boxes' (``BOX_BANDS``);
        - no digit, "(", "|" or space first: no page's number or running header opening it, no video chapter or
          match minute (its markup is asked of it first: ``page_markup_reason``), no Markdown table (an infobox);
        - no colon in its first 200 characters: no e-mail header field, credit or line of credits;
        - a sentence's end last: no short line (``_is_short_line``: no menu item, publisher's name, tag line or line
          over a breadcrumb), no price line, no page's number closing it;
        - no link (a footer line's words are counted without its links);
        - neither it nor the line above opens with "About "/"Sobre " (an about box's heading or paragraph; the
          heading may be bold: ``opens_about_box``);
        - not the site's name again (``site_headers``)."""
        text = self.texts[number]
        return not text[0].isdigit() and text[0] not in "(|" and not text[0].isspace() and text.find(":", 0, 200) < 0 \
            and text.rstrip().rstrip(_SENTENCE_CLOSERS)[-1:] in _SENTENCE_STOPS \
            and "](" not in text and text[:6].casefold() not in _ABOUT_OPENERS \
            and (number == 0 or self.texts[number - 1].lstrip("*_ ")[:6].casefold() not in _ABOUT_OPENERS) \
            and self.normalised[number] not in self.site_headers.get(self.segments[number][0], ())

    # The reasons box_reason asks, in this order, each with the most words (the batch's count) of a line it can find
    # in a box, its first test (None: a line of any length): a longer line (most lines kept are paragraphs) is spared
    # the call. An affiliation's line has at most 2 * SHORT_WORDS (affiliation_reason's four tests each count first).
    BOX_REASONS = (
        (results_box_reason, SHORT_WORDS), (chapters_reason, None), (ticker_reason, None),
        (table_rows_reason, SHORT_WORDS), (infobox_table_reason, None), (contents_box_reason, LIST_HEADING_WORDS),
        (letter_date_reason, SHORT_WORDS),
        (address_block_reason, SHORT_WORDS), (mail_header_reason, None), (credits_reason, None),
        (price_breakdown_reason, None), (byline_in_town_reason, SHORT_WORDS), (subscribe_box_reason, SHORT_WORDS),
        (author_role_reason, SHORT_WORDS), (credited_name_reason, SHORT_WORDS), (masthead_reason, SHORT_WORDS),
        (panel_heading_reason, SHORT_WORDS), (named_author_box_reason, WHOLE_SEGMENT_KINDS["author bio"]),
        (about_box_reason, WHOLE_SEGMENT_KINDS["author bio"]),
        (affiliation_reason, 2 * SHORT_WORDS), (signature_reason, SHORT_WORDS),
        (delimited_signature_reason, SHORT_WORDS), (chat_note_reason, SHORT_WORDS),
        (copy_note_reason, 2 * SHORT_WORDS),
        (motto_signature_reason, MOTTO_SIGNATURE_WORDS), (post_signature_reason, MOTTO_SIGNATURE_WORDS),
        (service_link_reason, SERVICE_ACTION_WORDS), (card_place_reason, CARD_PLACE_WORDS),
        (record_fields_reason, SHORT_WORDS), (record_header_fields_reason, SHORT_WORDS),
        (page_counter_reason, PAGE_COUNTER_WORDS),
        (list_preview_reason, LIST_HEADING_WORDS), (facets_reason, MENU_MAX_WORDS),
    )
    # Those a line of each length is asked, found once (not by name a line).
    BOX_BAND_WORDS, BOX_BANDS = _reasons_by_reach(BOX_REASONS)

    def box_reason(self, number: int) -> Reason | None:
        """Why a line kept by its own decision (or rescued) is part of a box. A box of results reads as a table's cells,
        which are content in a page's body; its results are not. Nor is a video's list of chapters, a letter's date, a
        forwarded e-mail's header, a run of labelled fields, an author's box or affiliation, nor an e-mail's signature
        (see BOX_REASONS)."""
        for box_reason in self.BOX_BANDS[bisect_left(self.BOX_BAND_WORDS, self.counts[number])]:
            if (reason := box_reason(self, number)) is not None:
                return reason
        return None

    def list_goes_on(self, number: int) -> bool:
        """Whether the segment under ``number`` in its document is a link's title that says nothing said above."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) \
            and is_link_title(self.texts[below], self.counts[below]) and not self.repeats_a_line_above(below)

    def page_markup_reason(self, number: int) -> Reason | None:
        """Why a segment is a page's markup and no text: its metadata block, an HTML comment, a linked image, a link's
        reference definition, HTML tags or wiki links alone, a fenced code block of program text
        (server/page_markup.py)."""
        slot, _index, _count, start, end, text = self.segments[number]
        if slot not in self.metadata:
            self.metadata[slot] = metadata_block(self.documents[slot][0].text)
        if (start, end) in self.code_bodies_of(slot):
            return code_reason(text)
        return metadata_reason(self.metadata[slot], start, end) or markup_line_reason(text) \
            or template_parameter_reason(self.documents[slot][0].text, start, text)

    def in_code_body(self, number: int) -> bool:
        """Whether a segment is inside a Markdown fenced code block's body."""
        start = self.segments[number][3]
        return any(body_start <= start < body_end for body_start, body_end in self.code_bodies_of(self.segments[number][0]))

    def code_bodies_of(self, slot: int) -> list[tuple[int, int]]:
        """The document's fenced code blocks, found once."""
        if slot not in self.code_blocks:
            self.code_blocks[slot] = code_bodies(self.documents[slot][0].text)
        return self.code_blocks[slot]

    def repeats_a_line_above(self, number: int) -> bool:
        """Whether a segment says what one above it in its document said."""
        slot, text, earlier = self.segments[number][0], self.normalised[number], number - 1
        while earlier >= 0 and self.segments[earlier][0] == slot:
            if self.normalised[earlier] == text:
                return True
            earlier -= 1
        return False

    def note_header_label(self, number: int, chrome: Reason) -> None:
        """A label left out in a page's header (a channel's name over its count, "Tempo Hoje PT") goes again lower
        down, as the site's name does: over a repeated post it is no heading of the post."""
        slot = self.segments[number][0]
        if chrome[0] == "fragment" and self.header_of == slot and could_be_heading(self.texts[number]):
            self.site_headers.setdefault(slot, set()).add(self.normalised[number])

    def note_byline_name(self, number: int, chrome: Reason) -> None:
        """The name a byline left out gives ("Por Juliana Prado, Portal Vale Notícias — Campinas"), which the author's
        box under the story repeats (see author_box_reason)."""
        if chrome[1].startswith("byline or credit") and (name := _BYLINE_NAME.match(self.texts[number])) is not None:
            self.byline_names.setdefault(self.segments[number][0], set()).add(normalise(name.group(1)))

    def author_box_reason(self, number: int) -> Reason | None:
        """Why a short line is the heading of the author's box under a story: the name its byline gave, alone on its
        line in the page's lower half, over a paragraph (the author's bio, which goes with it) with only chrome under
        it ("Juliana Prado" over "Repórter de economia do Portal Vale desde 2019. ..." over "Tópicos: ..."; probe 27).
        The name heading a speaker's words in an interview has more of the story under them."""
        slot, position = self.segments[number][0], self.positions[number]
        names = self.byline_names.get(slot)
        if not names or self.counts[number] > BYLINE_NAME_WORDS or not position.in_lower_half \
                or self.normalised[number].strip("*_# ") not in names or not self.same_document(number + 1, slot) \
                or self.counts[number + 1] > WHOLE_SEGMENT_KINDS["author bio"] or not self.only_chrome_below(number + 1):
            return None
        return "boilerplate", f"author bio: the byline's name again, over the author's box; " \
                              f"{word_count(self.counts[number])}, {position.describe()}"

    def breadcrumb_at(self, number: int) -> bool:
        """:func:`is_breadcrumb` of a segment, told at once for most (``crumb_like``)."""
        return self.crumb_like[number] and is_breadcrumb(self.texts[number])

    def ends_breadcrumb_at(self, number: int, title: int) -> bool:
        """:func:`ends_breadcrumb` of a segment over ``title``, told at once for most (``crumb_like``)."""
        return self.crumb_like[number] and ends_breadcrumb(self.texts[number], self.texts[title])

    def over_its_breadcrumb(self, number: int) -> bool:
        """Whether the line under a segment is a breadcrumb that ends on it ("# Festival de Sopas regressa ao Largo da
        Igreja" over "Início › Notícias › Festival de Sopas regressa ao Largo da Igreja")."""
        below = number + 1
        return self.same_document(below, self.segments[number][0]) \
            and self.ends_breadcrumb_at(below, number)

    def titled(self, number: int) -> bool:
        """Whether a segment is a Markdown page's ``# title`` below the page's first line, or the line right under
        such a title. (A ``# Field Notes`` opening the page above its menu may be the site's name.)"""
        slot, document = self.segments[number][0], self.documents[self.segments[number][0]][0]

        def title_at(line: int) -> bool:
            return self.positions[line].index > 0 and is_markdown_title(document.text, self.segments[line][3])

        return title_at(number) or (self.same_document(number - 1, slot) and title_at(number - 1))

    def under_title(self, number: int) -> bool:
        """Whether a segment, no heading itself, is right under its page's title, or under the subtitle under it (a
        short line, no sentence: a staff profile's "Senior Lecturer in Urban Hydrology"): a Markdown ``# title`` (an
        HTML page's <h1>), the title kept from the page's metadata block (the block's other lines around it), or a
        plain text's first line when that is a short line kept (a menu or breadcrumb is no title, and the heading under
        it is the title: "Início › Agenda › Ana Moura" over "# Ana Moura")."""
        slot, document = self.segments[number][0], self.documents[self.segments[number][0]][0]
        metadata = self.metadata.get(slot)

        def is_title(line: int) -> bool:
            if not self.same_document(line, slot):
                return False
            start = self.segments[line][3]
            if metadata is not None and metadata.title is not None and metadata.start <= start < metadata.end:
                return True
            return is_markdown_title(document.text, start) or (
                self.segments[line][1] == 0 and _is_short_line(self.texts[line], SHORT_WORDS)
                and self.decide(line)[0] is None)

        def is_heading(line: int) -> bool:
            return is_markdown_heading(document.text, self.segments[line][3])

        return not is_heading(number) and (is_title(number - 1) or (
            is_title(number - 2) and _is_short_line(self.texts[number - 1], SHORT_WORDS) and not is_heading(number - 1)))

    def site_name_reason(self, number: int, chrome_above: bool) -> Reason | None:
        """:func:`site_header_reason` of a line in its page's header, given the next two lines and their decisions,
        which are looked up only for a line short enough to be a site's name (most lines asked are a story's lead)."""
        if self.counts[number] > SHORT_WORDS:
            return None
        page = self.documents[self.segments[number][0]][0].text
        below = self.following(number)[:2]
        is_title = is_markdown_title(page, self.segments[number][3])
        if is_title and below and is_markdown_heading(page, self.segments[number + 1][3]):
            # The page's marked title over its own section's heading (an App Store's app name over "## Screenshots"
            # and "iPhone · iPad"; probes 49 and 50): a site's menu is no section.
            return None
        return site_header_reason(
            self.texts[number], self.counts[number], self.positions[number], chrome_above,
            [(line, self.decide(number + 1 + offset)[0]) for offset, line in enumerate(below)],
            over_title=bool(below) and is_markdown_title(page, self.segments[number + 1][3]), is_title=is_title,
        )

    def page_edge_reason(self, number: int, rescued: bool) -> tuple[Reason | None, str | None]:
        """Chrome by its place at a page's top, the site's name or tagline
        again, or an item of the menu that opens the page; or, under chrome in
        the page's lower half with only chrome below and not ``rescued`` as
        content, a footer line (returned second: it is decided once every
        document is read)."""
        slot, text, position = self.segments[number][0], self.texts[number], self.positions[number]
        start, document = self.segments[number][3], self.documents[slot][0]
        chrome_above = self.chrome_at == (slot, position.index - 1)
        if self.normalised[number] in self.site_headers.get(slot, ()):
            return ("boilerplate", f"the site's name or tagline again; {position.describe()}"), None
        # The name's shape first: nearly every segment fails it, and under_title looks at the segments above.
        if is_publisher_name(text, document.text, self.segments[number][4]) and self.under_title(number):
            return ("boilerplate", f"the name of who publishes the page, under its title; {position.describe()}"), None
        if 2 <= start <= OPENING_MENU_CHARS and document.text[start - 1] in " \t" \
                and document.text[start - 2] in _LIST_MARKER_ENDS \
                and _is_short_line(text, SHORT_WORDS) and in_opening_menu(document.text, start):
            return ("navigation", "an item of a list that opens the page before its heading (a menu)"), None
        if (self.header_of == slot or (position.index < EDGE_SEGMENTS and position.place != PLACE_INSIDE)) \
                and not (chrome_above and self.breadcrumb_at(number - 1)) and not self.titled(number) \
                and not self.title_under_skip_link(number) \
                and not is_table_row(document.text, start, text) and not self.over_its_breadcrumb(number):
            # Under a breadcrumb is the page's title ("Home / Study / Courses / MSc ..."), not the site's name, and so
            # is a line over the breadcrumb that ends on it (probe 27); nor is a Markdown page's `# title` under the
            # site's chrome or the subtitle under it, over the campaign's or film's details.
            chrome = self.site_name_reason(number, chrome_above) or self.letterhead_reason(number) \
                or self.over_breadcrumb_reason(number)
            if chrome is not None:
                self.site_headers.setdefault(slot, set()).add(self.normalised[number])
            return chrome, None
        # Under a short line kept in the header, the header's other short lines over the breadcrumb.
        if (header := self.over_breadcrumb_reason(number)) is not None:
            self.site_headers.setdefault(slot, set()).add(self.normalised[number])
            return header, None
        if position.in_lower_half and is_tag_line(text, document.text, start) and self.over_chrome(number):
            return ("boilerplate", f"tags: the page's own topics run together, over chrome; "
                                   f"{word_count(self.counts[number])}, {position.describe()}"), None
        if not rescued and self.link_list is None and chrome_above and position.in_lower_half \
                and self.only_chrome_below(number):
            under_ad_slot = is_ad_slot(self.texts[number - 1])
            return None, footer_line_reason(text, self.counts[number], position, under_ad_slot)
        return None, None


def document_chrome(text: str) -> list[tuple[int, int, Reason]]:
    """What the preload's cleaning leaves out of ``text`` read as a document of
    its own, cut into paragraphs: ``(start, end, reason)`` of each segment left
    out, a line of its footer included (which the preload keeps only when
    other documents repeat it, the likelier reason: a site's template line)."""
    spans = segment(text, "paragraph")
    segments = [(0, index, len(spans), start, end, text[start:end]) for index, (start, end) in enumerate(spans)]
    if not segments:
        return []
    normalised = [normalise(line) for *_place, line in segments]
    lines = BatchLines([(Document("page", text), 0)], segments, normalised, batch_words(normalised))
    left_out = []
    for number, (start, end) in enumerate(spans):
        chrome, footer = lines.excluded(number)
        reason = chrome or (("boilerplate", footer) if footer is not None else None)
        if reason is not None:
            left_out.append((start, end, reason))
    return left_out
