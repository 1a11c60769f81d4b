// The static schedule (--sched static) must print what Icarus prints where the order of
// combinational evaluation is visible:
//  - clocked blocks with blocking assignments feed an always @(...) block: the blocks woken by
//    the same edge read the values from before the combinational block runs;
//  - non-blocking updates made by combinational blocks wake waiting processes in the order the
//    updates were made (here: the order of the clocked blocks' updates);
//  - an always @* block that reads a variable it wrote before (a temporary) runs once per change;
//  - an always @* block whose inputs never change does not run (4-state: its output stays x).
module static_schedule_order;
  reg clk = 0, rst = 1;
  reg [3:0] state, x, x_in;
  reg [7:0] pb, pc, pb_out, pc_out;
  reg [7:0] a = 8'd3, b = 8'd5, tmp, sum;
  integer runs = 0;
  reg [7:0] never_in;
  reg [7:0] never_out;

  always @(posedge clk) if (rst) state = 0; else state = state + 1;
  always @(posedge clk) if (rst) x = 0; else x = x_in;
  always @(state or x) x_in = x + state;

  always @(posedge clk) if (rst) pb <= 8'h10; else pb <= pb + 1;
  always @(posedge clk) if (rst) pc <= 8'h20; else pc <= pc + 2;
  always @(pb) pb_out <= pb;
  always @(pc) pc_out <= pc;
  always @(pb_out) $display("%0t pb_out %h", $time, pb_out);
  always @(pc_out) $display("%0t pc_out %h", $time, pc_out);

  always @* begin
    tmp = a + b;
    sum = tmp + 1;
    runs = runs + 1;
  end

  always @* never_out = never_in + 1;

  always #5 clk = ~clk;
  initial begin
    #12 rst = 0;
    #3 a = 8'd10;
    #40;
    $display("state=%0d x=%0d x_in=%0d sum=%0d runs=%0d never_out=%b", state, x, x_in, sum, runs,
             never_out);
    $finish;
  end
endmodule
