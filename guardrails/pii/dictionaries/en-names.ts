/**
 * Common given names (US/UK census top names plus frequent European, Latin and Asian romanised names).
 * Lower-case. Used as evidence for a capitalised token being a person; surnames come from the token after it.
 */
export const EN_FIRST_NAMES = new Set(
  `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven
paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur
lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph
eugene russell bobby mason philip louis mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn
janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan
andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia
grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
oliver harry leo oscar charlie freddie alfie archie theo lucas liam mia ava amelia isla ella lily chloe sophie lucy ruby
hans peter klaus jurgen stefan andreas thomas wolfgang michael uwe sabine petra monika ursula claudia anja katrin julia
jean pierre michel philippe alain nicolas francois marie nathalie isabelle sylvie catherine francoise camille manon lea
giovanni giuseppe marco luca francesco alessandro andrea matteo lorenzo giulia francesca chiara sara valentina alessia
jose antonio manuel francisco juan javier carlos miguel rafael pedro luis jorge alejandro pablo sergio carmen lucia elena
ana laura paula marta cristina isabel sofia pilar dolores rosa gabriela fernanda camila mariana valeria daniela beatriz
joao pedro tiago rafael bruno gustavo felipe leonardo rodrigo thiago ricardo eduardo paulo marcos andre fabio
ivan sergei alexei dmitri andrei vladimir nikolai mikhail olga natalia tatiana svetlana irina elena ekaterina anastasia
jan piet kees willem lars anders erik johan nils sven mikko jukka matti pekka timo antti ville juha heikki anna maija
liisa sanna tiina aino helmi krisztian laszlo istvan zoltan gabor peter attila eszter katalin zsuzsanna agnes erzsebet
wei li jun ming hui ying hong jing yan lei jie tao bin hao yu xin yi chen lin hua min fang qiang ping jian
hiroshi takeshi kenji yuki haruto sota yuto akira satoshi naoki yoko keiko sakura yui hina aoi asuka haruka
min-jun seo-yeon ji-hoon ji-woo hyun-woo soo-jin raj amit rahul priya anita sunita vikram arjun deepak pooja
mohammed muhammad ahmed ali omar hassan hussein fatima aisha mariam layla yusuf ibrahim khalid tariq zainab
kwame kofi amara chinedu ngozi oluwaseun tunde emeka abebe
kevin nicole sean shawn travis chad brett todd
troy marcus jared victor martin curtis glenn barry clarence howard leonard earl jimmy johnny francis stanley nathaniel
erin tiffany crystal april tracy dawn holly jill joy leah tara vanessa wendy yvonne whitney molly erica robin stacy
monica sonia tanya veronica vera wanda eleanor elise ellie eva ivy jade luna maya naomi nora rose stella violet zoe
astrid birgit britta freya greta hedda ingrid karin kirsten linnea maja sigrid solveig thea tove ulla
bjorn einar gunnar henrik jens kjell knut lasse magnus morten nils olaf olav rasmus sigurd soren thor tor ulf
aleksander bartosz dawid grzegorz jakub kacper krzysztof marek mateusz pawel piotr tomasz wojciech zofia agnieszka
malgorzata joanna katarzyna magdalena ewa barbara dorota beata jolanta marta milan petr jiri josef tomas lukas martina
jana hana lenka tereza veronika eva ilse ines ida lotte lina mila nina rita tina vesna zora
marco matteo elia enzo bruno nico dario fabio franco gino luigi mario massimo paolo pietro renzo sandro sergio vito
aurelie brigitte chantal colette delphine elodie emilie genevieve helene josephine juliette louise margaux monique odette
sandrine simone solene veronique yvette amelie arnaud bastien benoit cedric didier etienne fabrice gerard guillaume herve
jacques julien laurent lionel marcel mathieu olivier pascal remi sebastien thierry xavier yves
akiko ayumi chiyo emi fumiko hana kaori kazuko keiko mai mariko megumi miho naomi noriko reiko sachiko tomoko yoshiko
daisuke hiroki ichiro jiro kazuki koji makoto masaru noboru ryo shinji shota takumi taro tetsuya yusuke yoshi
aditi ananya deepa divya kavya lakshmi meera neha nisha rekha riya sanjay suresh ramesh rajesh mahesh ganesh anil sunil
vijay ajay vinod ashok prakash ravi krishna gopal harish manoj nikhil rohit sachin varun vivek yash
alejandra beatriz carolina catalina constanza florencia guadalupe josefina lorena luciana macarena milagros paola rocio ximena
agustin alvaro andres diego emilio esteban facundo gonzalo ignacio joaquin martin matias nicolas rodrigo santiago sebastian tomas
krisztina ildiko gyorgy ferenc sandor tibor imre bela
brad darren bryce cora alan damian derek dominic duncan elliot emmett everett felix finn gavin graham
hugo ian ivan jasper jonah julian kieran leon levi malcolm nolan owen preston quentin reid rhys
roland rowan rupert silas simon spencer stuart tobias trevor wesley abby adele agatha alicia alison allison
audrey beatrice bella bianca brooke caitlin carla cassandra cecilia celia clara claire daphne delia edith eliza
esther faye fiona flora gemma georgia gwen harriet imogen iris isabel jenna jocelyn josie kara kate katie kira
leila lydia mabel maggie marion maxine melanie miriam nadia nell paige penelope phoebe priscilla rebekah rhonda
rosalind sabrina selma serena sienna sylvia tamara tessa ursula vivian winifred
aksel arne birger eirik espen frode geir halvard ivar jorgen kari leif mette nora oddny rune sindre steinar trond
vidar ragnar ragnhild sigrun solveig gudrun helga hilde liv marit randi torill trine unni
agnetha annika elin frida hanna johanna karolina linda lovisa malin petra stina tilda vilma
bengt goran hakan joakim kalle mats pontus stig ture viggo
aatu eero eino ilkka jari kalevi lauri matias onni petteri tapio teemu toni veikko
aino eeva hilkka kaisa katja leena marjatta minna paivi pirjo riikka satu sirpa tuula
gudmundur sigurdur jon olafur kristjan einar stefan helgi bjarni arnar thorunn sigridur gudny kristin ragnheidur
jelle joost maarten pieter ruud sander sjoerd stijn wouter bram daan femke fleur lieke marloes noor roos sanne
anke annegret dagmar elke frauke gisela heike ilse inge jutta karin maren renate silke ute
dieter florian gunther helmut horst jurgen kai lutz manfred matthias ralf reinhard rolf sven torsten volker
agata aleksandra alicja anita bozena danuta elzbieta grazyna halina irena iwona jadwiga justyna
kinga lucyna monika renata sylwia urszula wanda wieslawa zuzanna
adam arkadiusz bogdan czeslaw henryk jacek janusz jerzy kazimierz leszek maciej miroslaw ryszard stanislaw
tadeusz waclaw wieslaw zbigniew zdzislaw
ales bohumil bretislav dalibor jaromir jaroslav jindrich karel ladislav lubomir miloslav miroslav oldrich radek
stanislav vaclav vladimir vojtech zdenek blanka dana ivana jarmila jitka ludmila marketa michaela radka sarka zdenka
borna branko darko dragan goran igor josip luka marko mladen nikola stjepan tomislav vedran zoran zeljko
ana ankica biljana branka danica dragana gordana ivona jasna ljiljana maja mirjana snjezana tanja vesna
aleksei anatoli boris fyodor gennady grigori konstantin leonid oleg pavel stanislav viktor yevgeny yuri
alla galina larisa lyudmila nadezhda oksana polina raisa valentina yulia zoya
andras bence csaba daniel gergely janos kristof lajos levente mihaly miklos norbert peter tamas viktor
aniko beata csilla dora erika gizella hajnalka judit julia kinga klara marta noemi piroska reka timea
andrius darius jonas mindaugas tomas vytautas aiste egle ieva jurgita ruta
janis juris maris andris ilze inese
aivar indrek jaan juhan priit tarmo toomas kadri kairi liis maarja piret triin
alexandros andreas christos dimitrios georgios ioannis konstantinos nikolaos panagiotis spyros stavros vasilis yannis
eleni ioanna katerina maria sofia despina vasiliki paraskevi
afonso duarte goncalo joaquim nuno rui vasco filipa ines leonor margarida rita teresa
adriana alessandra antonella federica gianna ilaria lorenza marcella raffaella serena silvana
alberto alessio angelo antonio cesare claudio emanuele enrico fabrizio filippo gianluca giorgio lorenzo maurizio
nicola riccardo roberto salvatore simone stefano tommaso umberto vincenzo
ahmet ayse burak cem deniz elif emre emine fatma hakan hatice huseyin kemal mehmet murat mustafa ozlem selin
serkan yusuf zeynep
amir bilal farah hamza hana imran jamal karim leila malik nabil nadia rami rashid salma samir sami yasmin youssef
abdul adebayo chidi chioma folake ifeoma kemi nnamdi obinna olumide sade uche yetunde zola thabo sipho lindiwe
nomvula themba aminata fatou mamadou moussa ousmane`
    .split(/\s+/)
    .filter(Boolean),
);

/** Frequent surnames (US census top + common European), as extra evidence for the token after a given name. */
export const EN_SURNAMES = new Set(
  `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas
taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king
wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips
evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper
peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz
hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman
butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin
wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens
harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson
simpson porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd
rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne
grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight elliott cunningham duncan
armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston matthews pena richards
mueller muller schneider fischer weber becker schulz hoffmann koch richter klein wolf schroder neumann schwarz zimmermann
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti deluca costa giordano mancini
dubois durand leroy moreau simon laurent lefebvre michel david bertrand roux vincent fournier morel girard andre mercier
jansen devries bakker visser smit meijer mulder bos vos peters hendriks dekker
nielsen jensen hansen pedersen andersen christensen larsen sorensen rasmussen johansson karlsson nilsson eriksson larsson
olsen korhonen virtanen makinen nieminen makela hamalainen laine heikkinen koskinen jarvinen
nagy kovacs toth szabo horvath varga kiss molnar nemeth farkas balogh
ivanov smirnov kuznetsov popov sokolov lebedev kozlov novak novakova dvorak horak
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin luo zheng liang
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
park choi jung kang cho yoon jang lim shin singh kumar sharma gupta shah khan`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that start sentences or name things but are never people. */
export const EN_NOT_NAMES = new Set(
  `the a an this that these those it its i i'm i've we you he she they my our your his her their me us them what which who whom
whose when where why how yes no not please thanks thank hello hi hey dear sir madam ok okay sorry also and but or so if
then there here today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december mr mrs ms miss dr prof street st avenue ave road rd
boulevard lane drive court suite apt unit box po english chinese american british french german spanish call email phone
number card account address name date time can could would should will shall must might let just is are was were be been
send sent send my new old good great best first last next all any some every each other another more most many much few
credit debit visa mastercard bank iban ssn id passport license customer client user patient order invoice payment total
note notes subject re fw fwd from to cc bcc regards best sincerely cheers attached see find check update reply`
    .split(/\s+/)
    .filter(Boolean),
);

export const EN_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'capt', 'sgt', 'officer', 'judge', 'president', 'senator'];
