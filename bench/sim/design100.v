// A ~100-line clocked design for compile-time measurements: an ALU, a register file, a counter
// and an LFSR with a self-checking testbench.
module alu(input [7:0] a, input [7:0] b, input [2:0] op, output reg [7:0] y, output zero);
  always @* begin
    case (op)
      3'd0: y = a + b;
      3'd1: y = a - b;
      3'd2: y = a & b;
      3'd3: y = a | b;
      3'd4: y = a ^ b;
      3'd5: y = a << 1;
      3'd6: y = a >> 1;
      default: y = ~a;
    endcase
  end
  assign zero = (y == 8'd0);
endmodule

module regfile(input clk, input we, input [2:0] wa, input [7:0] wd,
               input [2:0] ra, input [2:0] rb, output [7:0] qa, output [7:0] qb);
  reg [7:0] r [0:7];
  integer i;
  initial for (i = 0; i < 8; i = i + 1) r[i] = 0;
  always @(posedge clk) if (we) r[wa] <= wd;
  assign qa = r[ra];
  assign qb = r[rb];
endmodule

module lfsr(input clk, input rst, output reg [15:0] q);
  wire fb = q[15] ^ q[13] ^ q[12] ^ q[10];
  always @(posedge clk)
    if (rst) q <= 16'hace1;
    else q <= {q[14:0], fb};
endmodule

module counter #(parameter W = 8) (input clk, input rst, input en, output reg [W-1:0] c);
  always @(posedge clk)
    if (rst) c <= 0;
    else if (en) c <= c + 1'b1;
endmodule

module top;
  reg clk = 0, rst = 1;
  reg [2:0] op;
  reg we;
  reg [2:0] wa, ra, rb;
  wire [7:0] qa, qb, y;
  wire zero;
  wire [15:0] rnd;
  wire [7:0] cnt;
  integer errors = 0, cycles = 0;

  regfile rf(.clk(clk), .we(we), .wa(wa), .wd(y), .ra(ra), .rb(rb), .qa(qa), .qb(qb));
  alu u(.a(qa), .b(qb), .op(op), .y(y), .zero(zero));
  lfsr l(.clk(clk), .rst(rst), .q(rnd));
  counter #(.W(8)) k(.clk(clk), .rst(rst), .en(1'b1), .c(cnt));

  always #5 clk = ~clk;

  task step;
    input [2:0] o;
    input [2:0] a_, b_, w_;
    begin
      op = o; ra = a_; rb = b_; wa = w_; we = 1;
      @(posedge clk);
      #1 we = 0;
    end
  endtask

  always @(posedge clk) cycles = cycles + 1;

  initial begin
    op = 0; we = 0; wa = 0; ra = 0; rb = 0;
    #12 rst = 0;
    // r1 = ~r0 = ff, r2 = r1 + r1 = fe, r3 = r2 ^ r1 = 01
    step(3'd7, 3'd0, 3'd0, 3'd1);
    step(3'd0, 3'd1, 3'd1, 3'd2);
    step(3'd4, 3'd2, 3'd1, 3'd3);
    ra = 3; rb = 2;
    #1 if (qa !== 8'h01) errors = errors + 1;
    if (qb !== 8'hfe) errors = errors + 1;
    repeat (20) @(posedge clk);
    #1 $display("cnt=%0d rnd=%h cycles=%0d", cnt, rnd, cycles);
    if (errors == 0) $display("PASSED");
    else $display("FAILED errors=%0d", errors);
    $finish;
  end
endmodule
