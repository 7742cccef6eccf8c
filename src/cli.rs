//! The command line as typed (clap types). `config.rs` turns it into what the stages receive;
//! no stage sees a clap type.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const AFTER_HELP: &str = "示例 (examples):
  custseg 客户档案.xlsx
  custseg 客户档案.xlsx 销售明细.xlsx --company \"某某软件有限公司\"
  custseg 客户档案.xlsx --previous 上季度_客户分类.xlsx
  custseg check 客户档案.xlsx
  custseg compare 2026Q2_客户分类.xlsx 2026Q3_客户分类.xlsx
  custseg sample 示例数据
  custseg customers.xlsx --lang en";

/// custseg：客户分类与管理报告 — classify customers from ERP exports into an annotated
/// workbook and a PDF management report.
#[derive(Debug, Parser)]
#[command(
    name = "custseg",
    version,
    args_conflicts_with_subcommands = true,
    after_help = AFTER_HELP,
    about = "客户分类与管理报告：读取财务/ERP 导出的客户档案，输出客户分类工作簿和 PDF 管理报告。\nCustomer segmentation: ERP customer exports in, a segment workbook and a PDF report out."
)]
pub struct Cli {
    /// 子命令（省略时等同于 run）
    #[command(subcommand)]
    pub command: Option<Command>,

    /// 与 `custseg run` 相同的参数
    #[command(flatten)]
    pub run: RunArgs,

    /// 结束后不等待回车（从资源管理器拖放或双击启动时，窗口默认等待回车再关闭）
    #[arg(long = "no-pause", global = true)]
    pub no_pause: bool,

    /// 出错时在第二行显示底层库或系统的原始错误信息（供排查问题）
    #[arg(long, global = true)]
    pub verbose: bool,

    /// 输出到管道或文件时的编码：utf-8（默认）或 gbk（供在中文控制台中捕获输出的 .bat 脚本使用）；控制台窗口中总能正确显示中文
    #[arg(
        long,
        value_name = "utf-8|gbk",
        global = true,
        default_value = "utf-8",
        value_parser = ["utf-8", "gbk"]
    )]
    pub encoding: String,
}

impl Cli {
    /// The `--lang` of whichever subcommand was given.
    pub fn lang(&self) -> &str {
        match &self.command {
            None => &self.run.lang,
            Some(Command::Run(a)) => &a.lang,
            Some(Command::Check(a)) => &a.lang,
            Some(Command::Compare(a)) => &a.lang,
            Some(Command::Init(a)) => &a.lang,
            Some(Command::Sample(a)) => &a.lang,
        }
    }
}

/// The subcommands of SPEC §2.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 分类并写出工作簿和 PDF 报告（默认）｜classify and write the workbook and the PDF
    Run(RunArgs),
    /// 只读取和校验，列出数据质量问题｜read and validate only
    Check(CheckArgs),
    /// 比较两个季度的分类结果｜migration between two result workbooks
    Compare(CompareArgs),
    /// 写出评分方案模板和空白录入模板｜write a profile and a blank input template
    Init(InitArgs),
    /// 生成示例数据｜write realistic sample workbooks
    Sample(SampleArgs),
}

/// Options of `run`.
#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// 输入文件（.xlsx .xls .xlsb .xlsm .ods .csv .txt），多个文件按客户编码合并
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// 输出目录（默认：第一个输入文件所在目录）
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// 评分方案：内置 software / decoration，或 TOML 文件
    #[arg(
        short = 'p',
        long,
        value_name = "NAME|FILE",
        default_value = "software"
    )]
    pub profile: String,

    /// 上一期的分类结果工作簿，用于季度对比
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,

    /// 不做季度对比（默认会在输出目录中寻找同名的上一期结果）
    #[arg(long = "no-previous", conflicts_with = "previous")]
    pub no_previous: bool,

    /// 基准日期（默认：导出标题行中统计期间的截止日，否则数据中不晚于今天的最晚日期，否则今天），如 2026-09-30
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<String>,

    /// 聚类个数（默认自动在 2..8 中选择）
    #[arg(long = "k", value_name = "N")]
    pub k: Option<usize>,

    /// 输出语言：zh 或 en
    #[arg(long, value_name = "zh|en", default_value = "zh")]
    pub lang: String,

    /// 报告封面上的公司名称
    #[arg(long, value_name = "NAME")]
    pub company: Option<String>,

    /// 不生成 PDF 报告
    #[arg(long = "no-pdf")]
    pub no_pdf: bool,

    /// 不生成 Excel 工作簿
    #[arg(long = "no-xlsx")]
    pub no_xlsx: bool,

    /// 在标准输出打印一个 JSON 摘要
    #[arg(long)]
    pub json: bool,

    /// 不显示进度
    #[arg(short, long)]
    pub quiet: bool,

    /// 也读取隐藏的工作表（默认跳过并列出）
    #[arg(long = "include-hidden")]
    pub include_hidden: bool,

    /// 使用指定的中文字体文件代替内置字体
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,

    /// Print the time of each stage on stderr (for benchmarks).
    #[arg(long, hide = true)]
    pub timings: bool,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 输入文件
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// 评分方案（用于额外的列名别名）
    #[arg(
        short = 'p',
        long,
        value_name = "NAME|FILE",
        default_value = "software"
    )]
    pub profile: String,
    /// 基准日期
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<String>,
    /// 输出语言：zh 或 en
    #[arg(long, value_name = "zh|en", default_value = "zh")]
    pub lang: String,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
    /// 也读取隐藏的工作表（默认跳过并列出）
    #[arg(long = "include-hidden")]
    pub include_hidden: bool,
}

/// Options of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// 上一期的分类结果工作簿
    #[arg(value_name = "PREVIOUS.xlsx")]
    pub previous: PathBuf,
    /// 本期的分类结果工作簿
    #[arg(value_name = "CURRENT.xlsx")]
    pub current: PathBuf,
    /// 输出目录（默认：本期工作簿所在目录）
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// 输出语言：zh 或 en
    #[arg(long, value_name = "zh|en", default_value = "zh")]
    pub lang: String,
}

/// Options of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// 目标目录（默认：当前目录）
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// 评分方案：software 或 decoration
    #[arg(short = 'p', long, value_name = "NAME", default_value = "software")]
    pub profile: String,
    /// 输出语言：zh 或 en
    #[arg(long, value_name = "zh|en", default_value = "zh")]
    pub lang: String,
}

/// Options of `sample`.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// 目标目录（默认：samples）
    #[arg(value_name = "DIR", default_value = "samples")]
    pub dir: PathBuf,
    /// 客户数
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub customers: usize,
    /// 交易明细行数（默认约为客户数的 12 倍）
    #[arg(long, value_name = "N")]
    pub transactions: Option<usize>,
    /// 随机种子
    #[arg(long, value_name = "S", default_value_t = 2026)]
    pub seed: u64,
    /// 输出语言：zh 或 en
    #[arg(long, value_name = "zh|en", default_value = "zh")]
    pub lang: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
