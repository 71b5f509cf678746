"""F3 South Charlotte: a pre-blast in the site's bulleted form (When: / QIC:) with a bulleted list of reasons."""

from cases_src import neg

neg("f3southcharlotte", "https://f3southcharlotte.com/2021/05/01/growruck-24-pre-blast/", """Tough Mudder Pre-Blast

  • When:09/17/2022
  • QIC: Paper Clip (Waxhaw)

You’re reading this pre-blast because:

  • You signed up and now you’re nervous
  • You didn’t sign up and want to feel good about it
  • It’s 0500 and you’re scrolling before the AO""",
    users=["Paper Clip"], posted="2022-08-01", note="pre-blast in the bulleted When / QIC form")
